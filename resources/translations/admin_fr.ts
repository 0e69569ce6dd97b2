<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- The back office (issue 12): the administration window, starpos admin, the
     set-up checklist, the names of records in refusals (context terms). -->
<context>
    <name>errors</name>
    <message>
        <source>Charge item {item} is a percentage of a sale's amount, and a meter replacement has no amount to take it of. Choose a charge item with a fixed amount.</source>
        <translation>L'élément de frais {item} est un pourcentage du montant d'une vente, et un remplacement de compteur n'a pas de montant sur lequel le prendre. Choisissez un élément de frais à montant fixe.</translation>
    </message>
    <message>
        <source>There is already a {what} with the code {code}. Choose another code.</source>
        <translation>Il existe déjà un(e) {what} avec le code {code}. Choisissez un autre code.</translation>
    </message>
    <message>
        <source>There is no {what} with the code {code}. Check the code in the list.</source>
        <translation>Il n'y a pas de {what} avec le code {code}. Vérifiez le code dans la liste.</translation>
    </message>
    <message>
        <source>Cannot delete {what} {code}: it is still used by {users} ({count}). Change those first, or keep it.</source>
        <translation>Impossible de supprimer {what} {code} : des {users} l'utilisent encore ({count}). Modifiez-les d'abord, ou gardez-le.</translation>
    </message>
    <message>
        <source>{field} cannot be {value}: {reason}</source>
        <translation>{field} ne peut pas valoir {value} : {reason}</translation>
    </message>
    <message>
        <source>{code} is not a usable code: use 1 to 20 letters, digits, '-' or '_', without spaces.</source>
        <translation>{code} n'est pas un code utilisable : utilisez 1 à 20 lettres, chiffres, « - » ou « _ », sans espace.</translation>
    </message>
    <message>
        <source>Meter {number} is installed for customer {customer}: cancel its contract first (the meter then returns to stock).</source>
        <translation>Le compteur {number} est installé chez le client {customer} : résiliez d'abord son contrat (le compteur revient alors en stock).</translation>
    </message>
    <message>
        <source>This computer is terminal {terminal}, which is not active: nobody may log in on it. An administrator can make it active under Terminals.</source>
        <translation>Cet ordinateur est le terminal {terminal}, qui n'est pas actif : personne ne peut s'y connecter. Un administrateur peut l'activer dans Terminaux.</translation>
    </message>
    <message>
        <source>The file {file} has no column {columns}. Its first line must name the columns (see docs/csv-formats.md).</source>
        <translation>Le fichier {file} n'a pas de colonne {columns}. Sa première ligne doit nommer les colonnes (voir docs/csv-formats.md).</translation>
    </message>
    <message>
        <source>The file {file} cannot be read as UTF-8 CSV: {reason}.</source>
        <translation>Le fichier {file} ne peut pas être lu comme un CSV UTF-8 : {reason}.</translation>
    </message>
    <message>
        <source>The file {file} was not imported: {count} row(s) have problems (the first on line {line}, column {column}). Nothing was written; fix the rows named and import the whole file again.</source>
        <translation>Le fichier {file} n'a pas été importé : {count} ligne(s) ont des problèmes (la première à la ligne {line}, colonne {column}). Rien n'a été écrit ; corrigez les lignes indiquées et importez de nouveau tout le fichier.</translation>
    </message>
    <message>
        <source>{value} is also on line {other}; each may be in the file only once.</source>
        <translation>{value} figure aussi à la ligne {other} ; chacun ne peut figurer qu'une fois dans le fichier.</translation>
    </message>
    <message>
        <source>{value} is not allowed here: give {allowed}.</source>
        <translation>{value} n'est pas permis ici : indiquez {allowed}.</translation>
    </message>
    <message>
        <source>There is already an operator with the code {operator}. Choose another code.</source>
        <translation>Il existe déjà un opérateur avec le code {operator}. Choisissez un autre code.</translation>
    </message>
    <message>
        <source>There is already an operator role with the code {role}. Choose another code.</source>
        <translation>Il existe déjà un rôle d'opérateur avec le code {role}. Choisissez un autre code.</translation>
    </message>
    <message>
        <source>The role {role} is given to {count} operator(s) ({operators}): take it from them before deleting it.</source>
        <translation>Le rôle {role} est attribué à {count} opérateur(s) ({operators}) : retirez-le-leur avant de le supprimer.</translation>
    </message>
    <message>
        <source>There is no sales point {sales_point}. Choose one from Sales Points.</source>
        <translation>Il n'y a pas de point de vente {sales_point}. Choisissez-en un dans Points de vente.</translation>
    </message>
    <message>
        <source>Operator {operator} is the last one who may edit operators: keep their login allowed, or give another operator that right first.</source>
        <translation>L'opérateur {operator} est le dernier à pouvoir modifier les opérateurs : laissez-lui le droit de se connecter, ou donnez d'abord ce droit à un autre opérateur.</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>branch</source>
        <translation>agence</translation>
    </message>
    <message>
        <source>sales point</source>
        <translation>point de vente</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>terminal</translation>
    </message>
    <message>
        <source>payment term</source>
        <translation>mode de paiement</translation>
    </message>
    <message>
        <source>meter model</source>
        <translation>modèle de compteur</translation>
    </message>
    <message>
        <source>charge item</source>
        <translation>poste de frais</translation>
    </message>
    <message>
        <source>customer type</source>
        <translation>type de client</translation>
    </message>
    <message>
        <source>tariff</source>
        <translation>tarif</translation>
    </message>
    <message>
        <source>operator role</source>
        <translation>rôle d'opérateur</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <source>meter</source>
        <translation>compteur</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>ventes</translation>
    </message>
    <message>
        <source>terminals</source>
        <translation>terminaux</translation>
    </message>
    <message>
        <source>operators</source>
        <translation>opérateurs</translation>
    </message>
    <message>
        <source>meters</source>
        <translation>compteurs</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>clients</translation>
    </message>
    <message>
        <source>sales points</source>
        <translation>points de vente</translation>
    </message>
    <message>
        <source>customer types</source>
        <translation>types de client</translation>
    </message>
    <message>
        <source>replacement reasons</source>
        <translation>motifs de remplacement</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Meter range</source>
        <translation>Plage de compteurs</translation>
    </message>
    <message>
        <source>give the three-letter ISO 4217 code, like USD.</source>
        <translation>indiquez le code ISO 4217 à trois lettres, comme USD.</translation>
    </message>
    <message>
        <source>give a time zone name like Africa/Lagos.</source>
        <translation>indiquez un nom de fuseau horaire comme Africa/Lagos.</translation>
    </message>
    <message>
        <source>give an amount above 0.</source>
        <translation>indiquez un montant supérieur à 0.</translation>
    </message>
    <message>
        <source>it must not be empty.</source>
        <translation>il ne doit pas être vide.</translation>
    </message>
    <message>
        <source>stock in at most 100,000 meters at a time.</source>
        <translation>faites entrer au plus 100 000 compteurs à la fois.</translation>
    </message>
    <message>
        <source>the first and the last meter must have the same manufacturer code.</source>
        <translation>le premier et le dernier compteur doivent avoir le même code fabricant.</translation>
    </message>
    <message>
        <source>the last meter must come after the first.</source>
        <translation>le dernier compteur doit venir après le premier.</translation>
    </message>
    <message>
        <source>give at most 10 default amounts.</source>
        <translation>indiquez au plus 10 montants par défaut.</translation>
    </message>
    <message>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>banque</translation>
    </message>
    <message>
        <source>replacement reason</source>
        <translation>motif de remplacement</translation>
    </message>
    <message>
        <source>meter replacements</source>
        <translation>remplacements de compteur</translation>
    </message>
    <message>
        <source>Company and currency (system parameters)</source>
        <translation>Société et devise (paramètres système)</translation>
    </message>
    <message>
        <source>A sales point (with its branch)</source>
        <translation>Un point de vente (avec son agence)</translation>
    </message>
    <message>
        <source>This computer as a terminal of a sales point</source>
        <translation>Cet ordinateur comme terminal d'un point de vente</translation>
    </message>
    <message>
        <source>A meter model</source>
        <translation>Un modèle de compteur</translation>
    </message>
    <message>
        <source>A tariff</source>
        <translation>Un tarif</translation>
    </message>
    <message>
        <source>A customer type</source>
        <translation>Un type de client</translation>
    </message>
    <message>
        <source>Default amounts (the cashier's quick amounts)</source>
        <translation>Montants par défaut (montants rapides du caissier)</translation>
    </message>
    <message>
        <source>An operator for the counter (who may sell)</source>
        <translation>Un opérateur pour le guichet (qui peut vendre)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
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
        <source>Branches</source>
        <translation>Agences</translation>
    </message>
    <message>
        <source>Sales points</source>
        <translation>Points de vente</translation>
    </message>
    <message>
        <source>Terminals (computers)</source>
        <translation>Terminaux (ordinateurs)</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Modes de paiement</translation>
    </message>
    <message>
        <source>Banks</source>
        <translation>Banques</translation>
    </message>
    <message>
        <source>Meter models</source>
        <translation>Modèles de compteur</translation>
    </message>
    <message>
        <source>Charge items</source>
        <translation>Postes de frais</translation>
    </message>
    <message>
        <source>Customer types</source>
        <translation>Types de client</translation>
    </message>
    <message>
        <source>Meter replacement reasons</source>
        <translation>Motifs de remplacement de compteur</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>Forbid to sales</source>
        <translation>Interdire les ventes</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>Point de vente</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Pay type</source>
        <translation>Mode de paiement du compteur</translation>
    </message>
    <message>
        <source>Phases (1 or 3)</source>
        <translation>Phases (1 ou 3)</translation>
    </message>
    <message>
        <source>CT ratio</source>
        <translation>Rapport TC</translation>
    </message>
    <message>
        <source>PT ratio</source>
        <translation>Rapport TT</translation>
    </message>
    <message>
        <source>Using life (years)</source>
        <translation>Durée de vie (années)</translation>
    </message>
    <message>
        <source>Pre-installed amount</source>
        <translation>Montant préinstallé</translation>
    </message>
    <message>
        <source>Calculate method</source>
        <translation>Méthode de calcul</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Calculate VAT</source>
        <translation>Calculer la TVA</translation>
    </message>
    <message>
        <source>VAT (%)</source>
        <translation>TVA (%)</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>Montant préétabli</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>Méthode de remboursement</translation>
    </message>
    <message>
        <source>Repayment amount</source>
        <translation>Montant de remboursement</translation>
    </message>
    <message>
        <source>Repayment percentage</source>
        <translation>Pourcentage de remboursement</translation>
    </message>
    <message>
        <source>Free basic electricity (kWh a month)</source>
        <translation>Électricité de base gratuite (kWh par mois)</translation>
    </message>
</context>
<context>
    <name>admin</name>
    <message>
        <source>Charges</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>C&amp;harges (F3)</source>
        <translation>&amp;Frais (F3)</translation>
    </message>
    <message>
        <source>Charges of replacement reason {code}</source>
        <translation>Frais du motif de remplacement {code}</translation>
    </message>
    <message>
        <source>Tick the charges a replacement for this reason costs (Space).</source>
        <translation>Cochez les frais que coûte un remplacement pour ce motif (Espace).</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Holidays</source>
        <translation>&amp;Jours fériés</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Add &amp;step</source>
        <translation>Ajouter une &amp;tranche</translation>
    </message>
    <message>
        <source>&amp;Price per kWh</source>
        <translation>&amp;Prix par kWh</translation>
    </message>
    <message>
        <source>&amp;Remove last step</source>
        <translation>&amp;Retirer la dernière tranche</translation>
    </message>
    <message>
        <source>&amp;Seasons</source>
        <translation>&amp;Saisons</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>&amp;Valeur</translation>
    </message>
    <message>
        <source>A date in the future makes a backup tariff: sales keep the price in force until then.</source>
        <translation>Une date future en fait un tarif de réserve : les ventes gardent le prix en vigueur jusque-là.</translation>
    </message>
    <message>
        <source>Customer t&amp;ype</source>
        <translation>T&amp;ype de client</translation>
    </message>
    <message>
        <source>Day tariff &amp;{number}</source>
        <translation>Tarif journalier &amp;{number}</translation>
    </message>
    <message>
        <source>Day tariff {number} switches twice at the same time; keep one.</source>
        <translation>Le tarif journalier {number} change deux fois à la même heure ; gardez-en un.</translation>
    </message>
    <message>
        <source>Day tariff {number}: T{index} is not an index; use T1 to T4.</source>
        <translation>Tarif journalier {number} : T{index} n'est pas un indice ; utilisez T1 à T4.</translation>
    </message>
    <message>
        <source>Day tariff {number}: {text} is not a switch. Write a time HH:MM and an index T1 to T4, such as 08:00 T3.</source>
        <translation>Tarif journalier {number} : {text} n'est pas un changement. Écrivez une heure HH:MM et un indice T1 à T4, par exemple 08:00 T3.</translation>
    </message>
    <message>
        <source>Day tariffs</source>
        <translation>Tarifs journaliers</translation>
    </message>
    <message>
        <source>Delete tariff {code} and all its versions?</source>
        <translation>Supprimer le tarif {code} et toutes ses versions ?</translation>
    </message>
    <message>
        <source>End (kWh)</source>
        <translation>Fin (kWh)</translation>
    </message>
    <message>
        <source>Energy wanted (kWh)</source>
        <translation>Énergie voulue (kWh)</translation>
    </message>
    <message>
        <source>Flat price</source>
        <translation>Prix unique</translation>
    </message>
    <message>
        <source>Free basic electricity: {kwh} kWh</source>
        <translation>Électricité de base gratuite : {kwh} kWh</translation>
    </message>
    <message>
        <source>Give the scheme a code, such as RES-STEP.</source>
        <translation>Donnez un code au tarif, par exemple RES-STEP.</translation>
    </message>
    <message>
        <source>In force &amp;from</source>
        <translation>En vigueur &amp;à partir du</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>En vigueur depuis</translation>
    </message>
    <message>
        <source>Index prices</source>
        <translation>Prix des indices</translation>
    </message>
    <message>
        <source>Net amount paid</source>
        <translation>Montant net payé</translation>
    </message>
    <message>
        <source>New &amp;version (F2)</source>
        <translation>Nouvelle &amp;version (F2)</translation>
    </message>
    <message>
        <source>New tariff scheme</source>
        <translation>Nouveau tarif</translation>
    </message>
    <message>
        <source>New version of tariff {code}</source>
        <translation>Nouvelle version du tarif {code}</translation>
    </message>
    <message>
        <source>Next version from</source>
        <translation>Version suivante le</translation>
    </message>
    <message>
        <source>Preview: a sample purchase</source>
        <translation>Aperçu : un achat d'exemple</translation>
    </message>
    <message>
        <source>Sample &amp;given as</source>
        <translation>Exemple &amp;donné en</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Price per kWh</source>
        <translation>Prix par kWh</translation>
    </message>
    <message>
        <source>Priced with the saved version from {when}.</source>
        <translation>Prix calculé avec la version enregistrée du {when}.</translation>
    </message>
    <message>
        <source>Priced with the version being edited, from {when}.</source>
        <translation>Prix calculé avec la version en cours de saisie, à partir du {when}.</translation>
    </message>
    <message>
        <source>Sale &amp;time</source>
        <translation>&amp;Heure de la vente</translation>
    </message>
    <message>
        <source>Seasons and holidays</source>
        <translation>Saisons et jours fériés</translation>
    </message>
    <message>
        <source>Seasons: a week tariff from a date on each year, such as 05-01 W1, 11-01 W2. Holidays: a day tariff on a date, every year (01-01 D2) or once (2027-10-01 D2); a holiday wins over the week.</source>
        <translation>Saisons : un tarif hebdomadaire à partir d'une date chaque année, par exemple 05-01 W1, 11-01 W2. Jours fériés : un tarif journalier à une date, chaque année (01-01 D2) ou une fois (2027-10-01 D2) ; un jour férié l'emporte sur la semaine.</translation>
    </message>
    <message>
        <source>Start (kWh)</source>
        <translation>Début (kWh)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Tranche</translation>
    </message>
    <message>
        <source>Step tariff</source>
        <translation>Tarif par tranches</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>La tranche {number}</translation>
    </message>
    <message>
        <source>Steps count the energy a meter buys in a calendar month. Leave the last end empty: energy beyond it costs the last price. The manual's example: 200 at 0.60, 500 at 0.75, then 1.00; 600 kWh cost 445.</source>
        <translation>Les tranches comptent l'énergie qu'un compteur achète dans le mois civil. Laissez vide la dernière fin : l'énergie au-delà coûte le dernier prix. L'exemple du manuel : 200 à 0,60, 500 à 0,75, puis 1,00 ; 600 kWh coûtent 445.</translation>
    </message>
    <message>
        <source>Switch times and the index from then on, such as 01:00 T1, 08:00 T3, 18:00 T4, 22:00 T2. Before the first time the last index runs on. An empty day tariff 1 is T1 all day.</source>
        <translation>Les heures de changement et l'indice à partir de chacune, par exemple 01:00 T1, 08:00 T3, 18:00 T4, 22:00 T2. Avant la première heure, le dernier indice continue. Un tarif journalier 1 vide vaut T1 toute la journée.</translation>
    </message>
    <message>
        <source>T&amp;{index} price per kWh</source>
        <translation>Prix T&amp;{index} par kWh</translation>
    </message>
    <message>
        <source>Tariff schemes</source>
        <translation>Tarifs</translation>
    </message>
    <message>
        <source>Tariff {code} already has a version from {when}; saved versions are never changed. Choose another date and time.</source>
        <translation>Le tarif {code} a déjà une version au {when} ; les versions enregistrées ne changent jamais. Choisissez une autre date et heure.</translation>
    </message>
    <message>
        <source>The day tariff of each day, Monday to Sunday, such as 1 1 1 1 1 2 2. An empty week tariff 1 uses day tariff 1 every day.</source>
        <translation>Le tarif journalier de chaque jour, du lundi au dimanche, par exemple 1 1 1 1 1 2 2. Un tarif hebdomadaire 1 vide utilise le tarif journalier 1 tous les jours.</translation>
    </message>
    <message>
        <source>The preview waits for the tariff to be complete.</source>
        <translation>L'aperçu attend que le tarif soit complet.</translation>
    </message>
    <message>
        <source>The price of each tariff index T1 to T4 (all four are needed).</source>
        <translation>Le prix de chaque indice tarifaire T1 à T4 (les quatre sont nécessaires).</translation>
    </message>
    <message>
        <source>Time of use</source>
        <translation>Heures (multi-tarif)</translation>
    </message>
    <message>
        <source>T{index} has no price: give the prices of all four indexes T1 to T4.</source>
        <translation>T{index} n'a pas de prix : donnez les prix des quatre indices T1 à T4.</translation>
    </message>
    <message>
        <source>T{index} is in force at the sale time: {kwh} kWh at {price}</source>
        <translation>T{index} est en vigueur à l'heure de la vente : {kwh} kWh à {price}</translation>
    </message>
    <message>
        <source>Version in force</source>
        <translation>Version en vigueur</translation>
    </message>
    <message>
        <source>Week tariff &amp;{number}</source>
        <translation>Tarif hebdomadaire &amp;{number}</translation>
    </message>
    <message>
        <source>Week tariff {number}: give seven day tariffs 1 to 8, Monday to Sunday, such as 1 1 1 1 1 2 2.</source>
        <translation>Tarif hebdomadaire {number} : donnez sept tarifs journaliers de 1 à 8, du lundi au dimanche, par exemple 1 1 1 1 1 2 2.</translation>
    </message>
    <message>
        <source>Week tariffs</source>
        <translation>Tarifs hebdomadaires</translation>
    </message>
    <message>
        <source>You may look at the tariffs; changing them needs the permission “Change tariffs and charges”.</source>
        <translation>Vous pouvez consulter les tarifs ; les modifier demande la permission « Modifier les tarifs et les frais ».</translation>
    </message>
    <message>
        <source>above {start} kWh</source>
        <translation>au-delà de {start} kWh</translation>
    </message>
    <message>
        <source>day tariff</source>
        <translation>le tarif journalier</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>unique</translation>
    </message>
    <message>
        <source>kWh &amp;bought earlier this month</source>
        <translation>kWh déjà achetés ce &amp;mois</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>sans fin</translation>
    </message>
    <message>
        <source>step</source>
        <translation>tranches</translation>
    </message>
    <message>
        <source>time of use</source>
        <translation>multi-tarif</translation>
    </message>
    <message>
        <source>week tariff</source>
        <translation>le tarif hebdomadaire</translation>
    </message>
    <message>
        <source>{letter}{number} names {what} {number}, which is not defined.</source>
        <translation>{letter}{number} désigne {what} {number}, qui n'est pas défini.</translation>
    </message>
    <message>
        <source>{span}: {kwh} kWh at {price}</source>
        <translation>{span} : {kwh} kWh à {price}</translation>
    </message>
    <message>
        <source>{start} to {end} kWh</source>
        <translation>de {start} à {end} kWh</translation>
    </message>
    <message>
        <source>{text} is not a date and a tariff: write it like {example}.</source>
        <translation>{text} n'est pas une date suivie d'un tarif : écrivez-la comme {example}.</translation>
    </message>
    <message>
        <source>{version} of {versions}</source>
        <translation>{version} sur {versions}</translation>
    </message>
    <message>
        <source>{what} ends at {end} kWh, not after its start at {start} kWh: each step must end above the one before.</source>
        <translation>{what} finit à {end} kWh, pas après son début à {start} kWh : chaque tranche doit finir au-dessus de la précédente.</translation>
    </message>
    <message>
        <source>{what} has no end: only the last step may be open.</source>
        <translation>{what} n'a pas de fin : seule la dernière tranche peut rester ouverte.</translation>
    </message>
    <message>
        <source>{what}: {text} is not a price. Type a positive number per kWh with at most 6 decimals, such as 0.75.</source>
        <translation>{what} : {text} n'est pas un prix. Tapez un nombre positif par kWh avec au plus 6 décimales, par exemple 0.75.</translation>
    </message>
    <message>
        <source>{what}: {text} is not an energy. Type kWh with at most one decimal, such as 200.</source>
        <translation>{what} : {text} n'est pas une énergie. Tapez des kWh avec au plus une décimale, par exemple 200.</translation>
    </message>
    <message>
        <source>Company and currency (system parameters)</source>
        <translation>Société et devise (paramètres système)</translation>
    </message>
    <message>
        <source>A sales point (with its branch)</source>
        <translation>Un point de vente (avec son agence)</translation>
    </message>
    <message>
        <source>This computer as a terminal of a sales point</source>
        <translation>Cet ordinateur comme terminal d'un point de vente</translation>
    </message>
    <message>
        <source>A meter model</source>
        <translation>Un modèle de compteur</translation>
    </message>
    <message>
        <source>A tariff</source>
        <translation>Un tarif</translation>
    </message>
    <message>
        <source>A customer type</source>
        <translation>Un type de client</translation>
    </message>
    <message>
        <source>Default amounts (the cashier's quick amounts)</source>
        <translation>Montants par défaut (montants rapides du caissier)</translation>
    </message>
    <message>
        <source>An operator for the counter (who may sell)</source>
        <translation>Un opérateur pour le guichet (qui peut vendre)</translation>
    </message>
    <message>
        <source>The terminal in the numbering of sales and replacements (a sales point has several terminals, each would make the same bill numbers)</source>
        <translation>Le terminal dans la numérotation des ventes et des remplacements (un point de vente a plusieurs terminaux, chacun ferait les mêmes numéros de facture)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
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
        <source>Branches</source>
        <translation>Agences</translation>
    </message>
    <message>
        <source>Sales points</source>
        <translation>Points de vente</translation>
    </message>
    <message>
        <source>Terminals (computers)</source>
        <translation>Terminaux (ordinateurs)</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Modes de paiement</translation>
    </message>
    <message>
        <source>Banks</source>
        <translation>Banques</translation>
    </message>
    <message>
        <source>Meter models</source>
        <translation>Modèles de compteur</translation>
    </message>
    <message>
        <source>Charge items</source>
        <translation>Postes de frais</translation>
    </message>
    <message>
        <source>Customer types</source>
        <translation>Types de client</translation>
    </message>
    <message>
        <source>Meter replacement reasons</source>
        <translation>Motifs de remplacement de compteur</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>Forbid to sales</source>
        <translation>Interdire les ventes</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>Point de vente</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Pay type</source>
        <translation>Mode de paiement du compteur</translation>
    </message>
    <message>
        <source>Phases (1 or 3)</source>
        <translation>Phases (1 ou 3)</translation>
    </message>
    <message>
        <source>CT ratio</source>
        <translation>Rapport TC</translation>
    </message>
    <message>
        <source>PT ratio</source>
        <translation>Rapport TT</translation>
    </message>
    <message>
        <source>Using life (years)</source>
        <translation>Durée de vie (années)</translation>
    </message>
    <message>
        <source>Pre-installed amount</source>
        <translation>Montant préinstallé</translation>
    </message>
    <message>
        <source>Calculate method</source>
        <translation>Méthode de calcul</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Calculate VAT</source>
        <translation>Calculer la TVA</translation>
    </message>
    <message>
        <source>VAT (%)</source>
        <translation>TVA (%)</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>Montant préétabli</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>Méthode de remboursement</translation>
    </message>
    <message>
        <source>Repayment amount</source>
        <translation>Montant de remboursement</translation>
    </message>
    <message>
        <source>Repayment percentage</source>
        <translation>Pourcentage de remboursement</translation>
    </message>
    <message>
        <source>Free basic electricity (kWh a month)</source>
        <translation>Électricité de base gratuite (kWh par mois)</translation>
    </message>
    <message>
        <source>StarPOS administration</source>
        <translation>Administration StarPOS</translation>
    </message>
    <message>
        <source>Set-up checklist</source>
        <translation>Liste de mise en place</translation>
    </message>
    <message>
        <source>System parameters</source>
        <translation>Paramètres système</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete {kind} {code}?</source>
        <translation>Supprimer {kind} {code} ?</translation>
    </message>
    <message>
        <source>What a utility needs before the counter can sell. Choose an item with the arrow keys and press Enter to open its screen.</source>
        <translation>Ce qu'il faut à un distributeur avant que le guichet puisse vendre. Choisissez un élément avec les flèches et appuyez sur Entrée pour ouvrir son écran.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>The utility is ready to sell.</source>
        <translation>Le distributeur est prêt à vendre.</translation>
    </message>
    <message>
        <source>{count} item(s) still to do.</source>
        <translation>{count} élément(s) encore à faire.</translation>
    </message>
    <message>
        <source>New record: {kind}</source>
        <translation>Nouvel enregistrement : {kind}</translation>
    </message>
    <message>
        <source>{field} is not a number: type digits with at most one '.'.</source>
        <translation>{field} n'est pas un nombre : tapez des chiffres avec au plus un « . ».</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>Code, name or any value</source>
        <translation>Code, nom ou toute valeur</translation>
    </message>
    <message>
        <source>E&amp;xact</source>
        <translation>E&amp;xact</translation>
    </message>
    <message>
        <source>&amp;Add (Ins)</source>
        <translation>&amp;Ajouter (Inser)</translation>
    </message>
    <message>
        <source>&amp;Edit (F2)</source>
        <translation>&amp;Modifier (F2)</translation>
    </message>
    <message>
        <source>&amp;Delete (Del)</source>
        <translation>&amp;Supprimer (Suppr)</translation>
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
        <source>{shown} of {total}</source>
        <translation>{shown} sur {total}</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Nom de la société</translation>
    </message>
    <message>
        <source>Tax reference</source>
        <translation>Numéro fiscal</translation>
    </message>
    <message>
        <source>Currency (ISO 4217)</source>
        <translation>Devise (ISO 4217)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Warn amount</source>
        <translation>Montant d'alerte</translation>
    </message>
    <message>
        <source>Amount decimals</source>
        <translation>Décimales des montants</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>blacklisted</source>
        <translation>sur liste noire</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Type de client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>Dette</translation>
    </message>
    <message>
        <source>Code, name, ID number or meter number</source>
        <translation>Code, nom, numéro d'identité ou numéro de compteur</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>{count} shown (the first {page} by code)</source>
        <translation>{count} affiché(s) (les {page} premiers par code)</translation>
    </message>
    <message>
        <source>Default amounts</source>
        <translation>Montants par défaut</translation>
    </message>
    <message>
        <source>The amounts of the cashier's quick keys, F1 first, separated by spaces (at most 10). Enter saves.</source>
        <translation>Les montants des touches rapides du caissier, F1 d'abord, séparés par des espaces (10 au plus). Entrée enregistre.</translation>
    </message>
    <message>
        <source>login forbidden</source>
        <translation>connexion interdite</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>doit changer de mot de passe</translation>
    </message>
    <message>
        <source>all rights</source>
        <translation>tous les droits</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>Nouvel opérateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Mot de passe temporaire</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <source>&amp;Forbid or allow login (F8)</source>
        <translation>&amp;Interdire ou permettre la connexion (F8)</translation>
    </message>
    <message>
        <source>&amp;Unlock (F9)</source>
        <translation>&amp;Déverrouiller (F9)</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Done: {what}.</source>
        <translation>Fait : {what}.</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {why}</source>
        <translation>ligne {line}, colonne {column} : {why}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>The utility is ready to sell.</source>
        <translation>Le distributeur est prêt à vendre.</translation>
    </message>
    <message>
        <source>Current password of {operator}: </source>
        <translation>Mot de passe actuel de {operator} : </translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>Nouveau mot de passe : </translation>
    </message>
    <message>
        <source>The store is empty: log in as STAR with the password star (you will choose a new one), then follow the set-up checklist (starpos admin checklist).</source>
        <translation>La base est vide : connectez-vous en tant que STAR avec le mot de passe star (vous en choisirez un nouveau), puis suivez la liste de mise en place (starpos admin checklist).</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>Or start empty to set up your own utility: log in as STAR with the password star, choose a new password, and the administration opens on a set-up checklist.</source>
        <translation>Ou commencez à vide pour mettre en place votre propre distributeur : connectez-vous en tant que STAR avec le mot de passe star, choisissez un nouveau mot de passe, et l'administration s'ouvre sur une liste de mise en place.</translation>
    </message>
</context>
</TS>
