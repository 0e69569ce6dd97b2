<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>cardnotice</name>
    <message>
        <source>Ctrl+Shift+M or click to review</source>
        <translation>Ctrl+Maj+M ou cliquez pour les examiner</translation>
    </message>
    <message>
        <source>⚑ Flagged meter data: {count} this week</source>
        <translation>⚑ Relevés signalés : {count} cette semaine</translation>
    </message>
    <message>
        <source>{count} card reading(s) from {meters} meter(s) with new tamper events, new overloads or data going back, in the last 7 days. Ctrl+Shift+M shows them.</source>
        <translation>{count} relevé(s) de carte de {meters} compteur(s) avec de nouvelles fraudes, de nouvelles surcharges ou des données qui reculent, ces 7 derniers jours. Ctrl+Maj+M les affiche.</translation>
    </message>
    <message>
        <source>Card sales left unfinished: {count}. Do not sell them again and do not refund them: only the card can tell whether the credit is on it.</source>
        <translation>Ventes sur carte inachevées : {count}. Ne les revendez pas et ne les remboursez pas : seule la carte peut dire si le crédit y est inscrit.</translation>
    </message>
    <message>
        <source>… and {count} more (the oldest are listed first).</source>
        <translation>… et {count} de plus (les plus anciennes d’abord).</translation>
    </message>
    <message>
        <source>Bill {bill} · meter {meter} · {customer} · {kwh} kWh · started {when}</source>
        <translation>Facture {bill} · compteur {meter} · {customer} · {kwh} kWh · commencée le {when}</translation>
    </message>
    <message>
        <source>Ask the customer to bring card {serial} of meter {meter}; inserting it finishes or cancels the sale.</source>
        <translation>Demandez au client d’apporter la carte {serial} du compteur {meter} ; l’insérer termine ou annule la vente.</translation>
    </message>
    <message>
        <source>A card was inserted: it is read once this sale is done.</source>
        <translation>Une carte a été insérée : elle sera lue une fois cette vente terminée.</translation>
    </message>
</context>
</TS>
