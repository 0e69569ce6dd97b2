<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>The first day {begin} comes after the last day {end}. Swap them and try again.</source>
        <translation>Le premier jour {begin} vient après le dernier jour {end}. Inversez-les et réessayez.</translation>
    </message>
    <message>
        <source>The report has more than {limit} rows, too many for a PDF. Narrow the dates or other filters, or export it as CSV.</source>
        <translation>Le rapport a plus de {limit} lignes, trop pour un PDF. Resserrez les dates ou les autres filtres, ou exportez-le en CSV.</translation>
    </message>
    <message>
        <source>{text} is not a date: write it as YYYY-MM-DD, for example 2026-12-01.</source>
        <translation>{text} n'est pas une date : écrivez-la AAAA-MM-JJ, par exemple 2026-12-01.</translation>
    </message>
    <message>
        <source>{text} is not a number of days: write a whole number such as 60.</source>
        <translation>{text} n'est pas un nombre de jours : écrivez un nombre entier comme 60.</translation>
    </message>
    <message>
        <source>No sale with a voucher matches {what}. Check the bill number, the 20-digit token or the meter number and try again.</source>
        <translation>Aucune vente avec un reçu ne correspond à {what}. Vérifiez le numéro de facture, le jeton à 20 chiffres ou le numéro de compteur et réessayez.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Nom du client</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <source>Install date</source>
        <translation>Date de pose</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Dernier achat</translation>
    </message>
    <message>
        <source>Days without purchase</source>
        <translation>Jours sans achat</translation>
    </message>
    <message>
        <source>As of (default today)</source>
        <translation>À la date du (par défaut aujourd'hui)</translation>
    </message>
    <message>
        <source>Abnormality power-purchase report</source>
        <translation>Rapport des achats d'électricité anormaux</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>Lu le</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Alarm event report (cards)</source>
        <translation>Rapport des alarmes (cartes)</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>N° de pièce d'identité</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Type de client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Inscrit le</translation>
    </message>
    <message>
        <source>Meter model</source>
        <translation>Modèle de compteur</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Outstanding debt</source>
        <translation>Dette restante</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>Inscrit à partir du</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>Inscrit jusqu'au</translation>
    </message>
    <message>
        <source>Customer information report</source>
        <translation>Rapport des informations clients</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Token kind</source>
        <translation>Type de jeton</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>Énergie (kWh)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>Raison de l'échec</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>Impressions</translation>
    </message>
    <message>
        <source>Engineering token report</source>
        <translation>Rapport des jetons techniques</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>Point de vente</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Login log report</source>
        <translation>Journal des connexions</translation>
    </message>
    <message>
        <source>SGC</source>
        <translation>SGC</translation>
    </message>
    <message>
        <source>KRN</source>
        <translation>KRN</translation>
    </message>
    <message>
        <source>TI</source>
        <translation>TI</translation>
    </message>
    <message>
        <source>KEN</source>
        <translation>KEN</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Type de clé</translation>
    </message>
    <message>
        <source>Base date</source>
        <translation>Date de base</translation>
    </message>
    <message>
        <source>Key expiry</source>
        <translation>Expiration de la clé</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Jours restants</translation>
    </message>
    <message>
        <source>Expiring within days (empty: all)</source>
        <translation>Expirant sous (jours ; vide : toutes)</translation>
    </message>
    <message>
        <source>Meter key report</source>
        <translation>Rapport des clés de compteur</translation>
    </message>
    <message>
        <source>Using status</source>
        <translation>État d'utilisation</translation>
    </message>
    <message>
        <source>In use since</source>
        <translation>En service depuis</translation>
    </message>
    <message>
        <source>Using life (years)</source>
        <translation>Durée de vie (ans)</translation>
    </message>
    <message>
        <source>End of life</source>
        <translation>Fin de vie</translation>
    </message>
    <message>
        <source>Within days</source>
        <translation>Sous (jours)</translation>
    </message>
    <message>
        <source>Include overdue meters</source>
        <translation>Inclure les compteurs échus</translation>
    </message>
    <message>
        <source>Forecast report of expiring meters</source>
        <translation>Prévision des compteurs en fin de vie</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation>État du compteur</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <source>Meter status report (detail)</source>
        <translation>Rapport d'état des compteurs (détail)</translation>
    </message>
    <message>
        <source>Meter status report (summary)</source>
        <translation>Rapport d'état des compteurs (synthèse)</translation>
    </message>
    <message>
        <source>Summary by</source>
        <translation>Synthèse par</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>Premier mois</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Dernier mois</translation>
    </message>
    <message>
        <source>Month power report (cards)</source>
        <translation>Consommation mensuelle (cartes)</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
    <message>
        <source>Total: {rows} rows</source>
        <translation>Total : {rows} lignes</translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation>Établi le {when}</translation>
    </message>
    <message>
        <source>Manual section {section}</source>
        <translation>Section {section} du manuel</translation>
    </message>
    <message>
        <source>Bill number</source>
        <translation>N° de facture</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Vending amount</source>
        <translation>Montant de vente</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Debt repayment</source>
        <translation>Remboursement de dette</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Montant net</translation>
    </message>
    <message>
        <source>Payment term</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <source>Power vending report</source>
        <translation>Rapport des ventes d'électricité</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(tous)</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd'hui</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Token enquiry report</source>
        <translation>Recherche de jetons</translation>
    </message>
</context>
<context>
    <name>reportswindow</name>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>Rapports…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Aperçu avant impression…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: no limit)</source>
        <translation>AAAA-MM-JJ (vide : sans limite)</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Exécution…</translation>
    </message>
    <message>
        <source>Choose the filters and press Run (Enter).</source>
        <translation>Choisissez les filtres et appuyez sur Exécuter (Entrée).</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rows are shown; the totals, charts and exports cover them all.</source>
        <translation>Les {shown} premières lignes sur {count} sont affichées ; les totaux, graphiques et exports les couvrent toutes.</translation>
    </message>
    <message>
        <source>{count} rows.</source>
        <translation>{count} lignes.</translation>
    </message>
    <message>
        <source>Sales per day</source>
        <translation>Ventes par jour</translation>
    </message>
    <message>
        <source>Sales per hour</source>
        <translation>Ventes par heure</translation>
    </message>
    <message>
        <source>Payment mix</source>
        <translation>Répartition des paiements</translation>
    </message>
    <message>
        <source>Sales per operator</source>
        <translation>Ventes par opérateur</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>{count} rows written to {path}.</source>
        <translation>{count} lignes écrites dans {path}.</translation>
    </message>
</context>
<context>
    <name>reprint</name>
    <message>
        <source>Reprint a voucher</source>
        <translation>Réimprimer un reçu</translation>
    </message>
    <message>
        <source>Reprint a voucher…</source>
        <translation>Réimprimer un reçu…</translation>
    </message>
    <message>
        <source>Bill number, 20-digit token or meter number:</source>
        <translation>N° de facture, jeton à 20 chiffres ou n° de compteur :</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Réimprimer</translation>
    </message>
</context>
<context>
    <name>pos</name>
    <message>
        <source>reports</source>
        <translation>rapports</translation>
    </message>
</context>
<context>
    <name>vend</name>
    <message>
        <source>The voucher of sale {bill} was reprinted, marked REPRINT (print {count}).</source>
        <translation>Le reçu de la vente {bill} a été réimprimé, marqué DUPLICATA (impression {count}).</translation>
    </message>
</context>
</TS>
