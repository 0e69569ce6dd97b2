<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- The registration bill's paper from the administration window: printed, printed again, or shown and saved as PDF (decision BO-27, issue 12). -->
<context>
    <name>admin</name>
    <message>
        <source>Bill {bill} printed (print {count}).</source>
        <translation>Facture {bill} imprimée (impression {count}).</translation>
    </message>
    <message>
        <source>&amp;Print bill again (F8)</source>
        <translation>&amp;Réimprimer la facture (F8)</translation>
    </message>
    <message>
        <source>Show &amp;bill… (F8)</source>
        <translation>Afficher la &amp;facture… (F8)</translation>
    </message>
    <message>
        <source>Registration bill {bill}</source>
        <translation>Facture d'ouverture de compte {bill}</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
</context>
</TS>
