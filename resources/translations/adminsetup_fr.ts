<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- Setting a utility up from nothing in the administration (issue 12): a customer
     type's charges (F3 on the customer types) and registering a customer (F7 on the
     customers). -->
<context>
    <name>admin</name>
    <message>
        <source>&amp;Business:</source>
        <translation>&amp;Activité :</translation>
    </message>
    <message>
        <source>&amp;New customer… (F7)</source>
        <translation>&amp;Nouveau client… (F7)</translation>
    </message>
    <message>
        <source>At a token cancel</source>
        <translation>À l'annulation d'un jeton</translation>
    </message>
    <message>
        <source>At each sale</source>
        <translation>À chaque vente</translation>
    </message>
    <message>
        <source>At registration</source>
        <translation>À l'inscription</translation>
    </message>
    <message>
        <source>Charges of customer type {code}</source>
        <translation>Frais du type de client {code}</translation>
    </message>
    <message>
        <source>Register a customer</source>
        <translation>Inscrire un client</translation>
    </message>
    <message>
        <source>Set up a customer type and a tariff first.</source>
        <translation>Créez d'abord un type de client et un tarif.</translation>
    </message>
    <message>
        <source>Tick the charges this customer type pays in that business (Space).</source>
        <translation>Cochez les frais que ce type de client paie dans cette activité (Espace).</translation>
    </message>
    <message>
        <source>Type the customer's name.</source>
        <translation>Tapez le nom du client.</translation>
    </message>
</context>
</TS>
