<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- The register charge with payment and change (manual 3.3 d, 4.3; decision BO-21). -->
<context>
    <name>errors</name>
    <message>
        <source>{paid} does not pay the register charge of {due}. Take at least {due} from the customer.</source>
        <translation>{paid} ne couvre pas les frais d'ouverture de compte de {due}. Encaissez au moins {due} auprès du client.</translation>
    </message>
    <message>
        <source>No registration has the bill number {bill}. Check the number on the bill.</source>
        <translation>Aucune ouverture de compte ne porte le numéro de facture {bill}. Vérifiez le numéro sur la facture.</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>registration</source>
        <translation>ouverture de compte</translation>
    </message>
</context>
</TS>
