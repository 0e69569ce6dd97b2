<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- Checked bills: the core, the commands and the meter history (manual 3.1, issue 12). -->
<context>
    <name>errors</name>
    <message>
        <source>There is no stock bill {bill}. Check the number in the meter's history.</source>
        <translation>Il n'y a pas de bon de stock {bill}. Vérifiez le numéro dans l'historique du compteur.</translation>
    </message>
    <message>
        <source>Bill {bill} is checked and cannot change. Someone with the permission to uncheck bills must uncheck it first.</source>
        <translation>Le bon {bill} est vérifié et ne peut plus changer. Une personne autorisée à annuler la vérification doit d'abord l'annuler.</translation>
    </message>
    <message>
        <source>Bill {bill} is already checked (by {operator}, {when}).</source>
        <translation>Le bon {bill} est déjà vérifié (par {operator}, {when}).</translation>
    </message>
    <message>
        <source>Bill {bill} is not checked: there is nothing to uncheck.</source>
        <translation>Le bon {bill} n'est pas vérifié : il n'y a rien à annuler.</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>Bill checked</source>
        <translation>Bon vérifié</translation>
    </message>
    <message>
        <source>Bill unchecked</source>
        <translation>Vérification du bon annulée</translation>
    </message>
</context>
</TS>
