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
<context>
    <name>tokenops</name>
    <message>
        <source>Meter {meter}: tariff {tariff}, SGC {sgc}, KRN {krn}, TI {ti}</source>
        <translation>Compteur {meter} : tarif {tariff}, SGC {sgc}, KRN {krn}, TI {ti}</translation>
    </message>
    <message>
        <source>Meter contract added to the customer.</source>
        <translation>Contrat de compteur ajouté au client.</translation>
    </message>
    <message>
        <source>No register charge for this customer type.</source>
        <translation>Aucun frais d'ouverture de compte pour ce type de client.</translation>
    </message>
    <message>
        <source>Registration bill</source>
        <translation>Facture d'ouverture de compte</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <source>Register charge</source>
        <translation>Frais d'ouverture de compte</translation>
    </message>
    <message>
        <source>The registration bill {bill} was printed (print {count}).</source>
        <translation>La facture d'ouverture de compte {bill} a été imprimée (impression {count}).</translation>
    </message>
</context>
<context>
    <name>voucher</name>
    <message>
        <source>Customer registration</source>
        <translation>Ouverture de compte client</translation>
    </message>
</context>
</TS>
