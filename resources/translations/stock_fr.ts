<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- The meter stock screen and commands (manual 3.1-3.2, issue 12). -->
<context>
    <name>admin</name>
    <message>
        <source>stock in</source>
        <translation>entrée en stock</translation>
    </message>
    <message>
        <source>stock out</source>
        <translation>sortie de stock</translation>
    </message>
    <message>
        <source>back from branch</source>
        <translation>retour d'agence</translation>
    </message>
    <message>
        <source>A part of the meter number</source>
        <translation>Une partie du numéro de compteur</translation>
    </message>
    <message>
        <source>Stock &amp;in (Ins)</source>
        <translation>&amp;Entrée (Inser)</translation>
    </message>
    <message>
        <source>&amp;Range (F6)</source>
        <translation>&amp;Plage (F6)</translation>
    </message>
    <message>
        <source>From &amp;file (F7)</source>
        <translation>Depuis un &amp;fichier (F7)</translation>
    </message>
    <message>
        <source>Stock &amp;out (F3)</source>
        <translation>&amp;Sortie (F3)</translation>
    </message>
    <message>
        <source>Back from bra&amp;nch (F4)</source>
        <translation>Retour d'a&amp;gence (F4)</translation>
    </message>
    <message>
        <source>S&amp;et status (F2)</source>
        <translation>&amp;Changer l'état (F2)</translation>
    </message>
    <message>
        <source>&amp;History (Enter)</source>
        <translation>&amp;Historique (Entrée)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Meters from a CSV file</source>
        <translation>Compteurs depuis un fichier CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Où :</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Agence :</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>You may look at the stock; moving meters needs the permission “Stock meters in and out”.</source>
        <translation>Vous pouvez consulter le stock ; déplacer des compteurs demande la permission « Entrées et sorties de compteurs ».</translation>
    </message>
    <message>
        <source>Meter stock</source>
        <translation>Stock de compteurs</translation>
    </message>
    <message>
        <source>Last bill: {bills} ({move}, meters: {count})</source>
        <translation>Dernier bon : {bills} ({move}, compteurs : {count})</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Drawer or reason</source>
        <translation>Preneur ou motif</translation>
    </message>
    <message>
        <source>Stock in a range</source>
        <translation>Entrée d'une plage</translation>
    </message>
    <message>
        <source>Stock in one meter</source>
        <translation>Entrée d'un compteur</translation>
    </message>
    <message>
        <source>First meter number</source>
        <translation>Premier numéro de compteur</translation>
    </message>
    <message>
        <source>Meter number</source>
        <translation>Numéro de compteur</translation>
    </message>
    <message>
        <source>Type the meter number.</source>
        <translation>Saisissez le numéro de compteur.</translation>
    </message>
    <message>
        <source>The supply group code has 6 digits.</source>
        <translation>Le code de groupe d'alimentation a 6 chiffres.</translation>
    </message>
    <message>
        <source>Set up a meter model and a branch first.</source>
        <translation>Créez d'abord un modèle de compteur et une agence.</translation>
    </message>
    <message>
        <source>Stock out</source>
        <translation>Sortie de stock</translation>
    </message>
    <message>
        <source>Type the meter numbers.</source>
        <translation>Saisissez les numéros de compteur.</translation>
    </message>
    <message>
        <source>Back from another branch</source>
        <translation>Retour d'une autre agence</translation>
    </message>
    <message>
        <source>found from the meters when empty</source>
        <translation>retrouvé d'après les compteurs si vide</translation>
    </message>
    <message>
        <source>Meter numbers</source>
        <translation>Numéros de compteur</translation>
    </message>
    <message>
        <source>Their stock-out bill</source>
        <translation>Leur bon de sortie</translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation>État du compteur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Say why the status changes.</source>
        <translation>Dites pourquoi l'état change.</translation>
    </message>
    <message>
        <source>How many meters</source>
        <translation>Nombre de compteurs</translation>
    </message>
    <message>
        <source>Meter model</source>
        <translation>Modèle de compteur</translation>
    </message>
    <message>
        <source>Supply group code (SGC)</source>
        <translation>Code de groupe d'alimentation (SGC)</translation>
    </message>
    <message>
        <source>Tariff index (TI)</source>
        <translation>Indice tarifaire (TI)</translation>
    </message>
    <message>
        <source>Key revision number (KRN)</source>
        <translation>Numéro de révision de clé (KRN)</translation>
    </message>
    <message>
        <source>Base date</source>
        <translation>Date de base</translation>
    </message>
    <message>
        <source>Key register</source>
        <translation>Registre de clé</translation>
    </message>
    <message>
        <source>Out type</source>
        <translation>Type de sortie</translation>
    </message>
    <message>
        <source>To branch</source>
        <translation>Vers l'agence</translation>
    </message>
    <message>
        <source>Drawer (who takes them)</source>
        <translation>Preneur (qui les emporte)</translation>
    </message>
    <message>
        <source>For installation</source>
        <translation>Pour installation</translation>
    </message>
    <message>
        <source>To another branch</source>
        <translation>Vers une autre agence</translation>
    </message>
    <message>
        <source>History of meter {number}</source>
        <translation>Historique du compteur {number}</translation>
    </message>
    <message>
        <source>The file was not imported</source>
        <translation>Le fichier n'a pas été importé</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {why}</source>
        <translation>ligne {line}, colonne {column} : {why}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Stocked in</source>
        <translation>Entré le</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Meter {number} is installed for a customer; its status is set when it comes back to stock (replacement or cancelled contract).</source>
        <translation>Le compteur {number} est installé chez un client ; son état se règle à son retour en stock (remplacement ou contrat résilié).</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Meter numbers</source>
        <translation>Numéros de compteur</translation>
    </message>
    <message>
        <source>say why the status changes (at most 200 characters).</source>
        <translation>dites pourquoi l'état change (200 caractères au plus).</translation>
    </message>
    <message>
        <source>name at least one meter, each once.</source>
        <translation>nommez au moins un compteur, chacun une seule fois.</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>En maintenance</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Rebut</translation>
    </message>
    <message>
        <source>Stock in: new meter</source>
        <translation>Entrée : compteur neuf</translation>
    </message>
    <message>
        <source>Stock in: replaced meter</source>
        <translation>Entrée : compteur remplacé</translation>
    </message>
    <message>
        <source>Stock in: from another branch</source>
        <translation>Entrée : d'une autre agence</translation>
    </message>
    <message>
        <source>Stock in: cancelled contract</source>
        <translation>Entrée : contrat résilié</translation>
    </message>
    <message>
        <source>Stock out: for installation</source>
        <translation>Sortie : pour installation</translation>
    </message>
    <message>
        <source>Stock out: to another branch</source>
        <translation>Sortie : vers une autre agence</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>État modifié</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Out for installation</source>
        <translation>Sorti pour installation</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installé</translation>
    </message>
    <message>
        <source>Sent to another branch</source>
        <translation>Envoyé à une autre agence</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Mis au rebut</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{shown} of {total} meters (from {first})</source>
        <translation>{shown} compteurs sur {total} (à partir du n° {first})</translation>
    </message>
    <message>
        <source>meter {number} is now {status} (was {before})</source>
        <translation>le compteur {number} est maintenant {status} (avant : {before})</translation>
    </message>
</context>
</TS>
