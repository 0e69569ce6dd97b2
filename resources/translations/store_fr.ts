<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>errors</name>
    <message>
      <source>The local database could not be used.</source>
      <translation>La base de données locale n'a pas pu être utilisée.</translation>
    </message>
    <message>
      <source>You are not allowed to do this.</source>
      <translation>Vous n'êtes pas autorisé à faire ceci.</translation>
    </message>
    <message>
      <source>The setting is not valid.</source>
      <translation>Le paramètre n'est pas valide.</translation>
    </message>
    <message>
      <source>The database is busy with another program for too long. Wait a moment and try again; if it keeps happening, close the other StarPOS windows.</source>
      <translation>La base de données est occupée par un autre programme depuis trop longtemps. Patientez un instant et réessayez ; si cela se répète, fermez les autres fenêtres StarPOS.</translation>
    </message>
    <message>
      <source>The database could not be used: {reason}. Check the disk and the data folder.</source>
      <translation>La base de données n'a pas pu être utilisée : {reason}. Vérifiez le disque et le dossier des données.</translation>
    </message>
    <message>
      <source>The database was made by a newer StarPOS (schema {found}); this one knows up to {head}. Install the newer StarPOS or point --data-dir at another folder.</source>
      <translation>La base de données a été créée par un StarPOS plus récent (schéma {found}) ; celui-ci connaît jusqu'au schéma {head}. Installez le StarPOS plus récent ou indiquez un autre dossier avec --data-dir.</translation>
    </message>
    <message>
      <source>There is no automatic numbering for {bill_type} bills. An administrator must set it up under Auto-Generate No. Setting.</source>
      <translation>Il n'y a pas de numérotation automatique pour les pièces {bill_type}. Un administrateur doit la définir dans Paramètres de numérotation automatique.</translation>
    </message>
    <message>
      <source>The {digits}-digit serial of {bill_type} numbers is used up for {period}. An administrator must allow more serial digits or a resetting prefix.</source>
      <translation>Le numéro de série à {digits} chiffres des pièces {bill_type} est épuisé pour {period}. Un administrateur doit autoriser plus de chiffres ou un préfixe qui se réinitialise.</translation>
    </message>
    <message>
      <source>A {bill_type} number would be {length} characters long; at most {maximum} fit. Shorten the prefix fields in Auto-Generate No. Setting.</source>
      <translation>Un numéro {bill_type} ferait {length} caractères ; {maximum} au plus sont possibles. Raccourcissez les champs du préfixe dans Paramètres de numérotation automatique.</translation>
    </message>
    <message>
      <source>The audit log has been tampered with: {count} problem(s), the first at entry {entry_id}. Keep a copy of the database and tell the administrator; starpos audit verify --json lists every problem.</source>
      <translation>Le journal d'audit a été altéré : {count} problème(s), le premier à l'entrée {entry_id}. Gardez une copie de la base de données et prévenez l'administrateur ; starpos audit verify --json liste chaque problème.</translation>
    </message>
    <message>
      <source>The audit log is not set up in this database. Run: starpos db upgrade</source>
      <translation>Le journal d'audit n'est pas en place dans cette base de données. Lancez : starpos db upgrade</translation>
    </message>
    <message>
      <source>The operator code or the password is wrong. Check both and try again.</source>
      <translation>Le code opérateur ou le mot de passe est erroné. Vérifiez les deux et réessayez.</translation>
    </message>
    <message>
      <source>Operator {operator} is locked after {attempts} wrong passwords. Try again after {until} or ask a supervisor.</source>
      <translation>L'opérateur {operator} est bloqué après {attempts} mots de passe erronés. Réessayez après {until} ou demandez à un superviseur.</translation>
    </message>
    <message>
      <source>Operator {operator} may not log in. Ask an administrator to allow it.</source>
      <translation>L'opérateur {operator} n'a pas le droit de se connecter. Demandez à un administrateur de l'autoriser.</translation>
    </message>
    <message>
      <source>This needs an operator signed in with their password. Sign in and try again.</source>
      <translation>Il faut un opérateur connecté avec son mot de passe. Connectez-vous et réessayez.</translation>
    </message>
    <message>
      <source>Operator {operator} may only log in at sales point {home}, not at {here}. Ask an administrator to allow logging in at other sales points.</source>
      <translation>L'opérateur {operator} ne peut se connecter qu'au point de vente {home}, pas à {here}. Demandez à un administrateur d'autoriser la connexion à d'autres points de vente.</translation>
    </message>
    <message>
      <source>Operator {operator} must choose a new password before going on.</source>
      <translation>L'opérateur {operator} doit choisir un nouveau mot de passe avant de continuer.</translation>
    </message>
    <message>
      <source>The new password must have at least {minimum} characters and differ from the operator code and the old password.</source>
      <translation>Le nouveau mot de passe doit avoir au moins {minimum} caractères et différer du code opérateur et de l'ancien mot de passe.</translation>
    </message>
    <message>
      <source>Operator {operator} does not have the permission {permission}. Ask a supervisor or an administrator.</source>
      <translation>L'opérateur {operator} n'a pas la permission {permission}. Demandez à un superviseur ou à un administrateur.</translation>
    </message>
    <message>
      <source>There is no permission called {name}.</source>
      <translation>Il n'existe pas de permission nommée {name}.</translation>
    </message>
    <message>
      <source>There is no operator with the code {operator}.</source>
      <translation>Il n'y a pas d'opérateur avec le code {operator}.</translation>
    </message>
    <message>
      <source>There is no operator role with the code {role}.</source>
      <translation>Il n'existe pas de rôle d'opérateur avec le code {role}.</translation>
    </message>
    <message>
      <source>The system parameters (company, currency, time zone) are not set up. An administrator must fill them in first, or run: starpos demo seed</source>
      <translation>Les paramètres système (société, devise, fuseau horaire) ne sont pas définis. Un administrateur doit d'abord les remplir, ou lancez : starpos demo seed</translation>
    </message>
    <message>
      <source>The time zone {zone} in the system parameters is unknown. Use a name like Africa/Lagos.</source>
      <translation>Le fuseau horaire {zone} des paramètres système est inconnu. Utilisez un nom comme Africa/Lagos.</translation>
    </message>
    <message>
      <source>No meter {number} is registered here. Check the number on the meter, or register the customer's meter first.</source>
      <translation>Aucun compteur {number} n'est enregistré ici. Vérifiez le numéro inscrit sur le compteur, ou enregistrez d'abord le compteur du client.</translation>
    </message>
    <message>
      <source>Meter {number} is not installed for a customer, so credit cannot be sold for it. Register it to the customer first.</source>
      <translation>Le compteur {number} n'est installé chez aucun client : on ne peut pas vendre de crédit pour lui. Enregistrez-le d'abord au nom du client.</translation>
    </message>
    <message>
      <source>There is no customer with the code {code}. Check the code or search by name.</source>
      <translation>Il n'y a pas de client avec le code {code}. Vérifiez le code ou cherchez par nom.</translation>
    </message>
    <message>
      <source>There is no customer type {code}. Choose one from Customer Type.</source>
      <translation>Il n'y a pas de type de client {code}. Choisissez-en un dans Types de clients.</translation>
    </message>
    <message>
      <source>There is no region {code}. Choose one from Region.</source>
      <translation>Il n'y a pas de région {code}. Choisissez-en une dans Régions.</translation>
    </message>
    <message>
      <source>Meter {number} is already in the system; it cannot be stocked in as new.</source>
      <translation>Le compteur {number} est déjà dans le système ; il ne peut pas entrer en stock comme neuf.</translation>
    </message>
    <message>
      <source>Meter {number} cannot be used for this while its stock status is {status}. Check the meter's history (stock in, stock out, installation).</source>
      <translation>Le compteur {number} ne peut pas servir à cela tant que son état de stock est {status}. Consultez l'historique du compteur (entrée, sortie, installation).</translation>
    </message>
    <message>
      <source>There is no {table} record with the code {code}. Check the base data.</source>
      <translation>Il n'y a pas d'enregistrement {table} avec le code {code}. Vérifiez les données de base.</translation>
    </message>
    <message>
      <source>Meter {number} has no tariff. An administrator must give it one before selling.</source>
      <translation>Le compteur {number} n'a pas de tarif. Un administrateur doit lui en attribuer un avant la vente.</translation>
    </message>
    <message>
      <source>There is no tariff {code}. Choose one from the tariff schemes.</source>
      <translation>Il n'y a pas de tarif {code}. Choisissez-en un parmi les grilles tarifaires.</translation>
    </message>
    <message>
      <source>Tariff {code} already has a version starting at {when}. Choose another start time; versions in force are never changed.</source>
      <translation>Le tarif {code} a déjà une version qui commence le {when}. Choisissez un autre début ; les versions en vigueur ne sont jamais modifiées.</translation>
    </message>
    <message>
      <source>This database already holds a utility's data, so the demo is not seeded into it. Point --data-dir (or STARPOS_DATA_DIR) at an empty folder.</source>
      <translation>Cette base de données contient déjà les données d'un distributeur : la démo n'y est pas chargée. Indiquez un dossier vide avec --data-dir (ou STARPOS_DATA_DIR).</translation>
    </message>
      <message>
        <source>The store has no identity (schema older than 0009). Run: starpos db upgrade</source>
        <translation>Le magasin n'a pas d'identité (schéma antérieur à 0009). Lancez : starpos db upgrade</translation>
    </message>
    <message>
        <source>The store {file} is damaged: {what}. Nothing was changed. Restore the last backup (starpos db restore FOLDER); or keep this file for the administrator and make a new store with starpos db init --new-store.</source>
        <translation>Le magasin {file} est endommagé : {what}. Rien n'a été modifié. Restaurez la dernière sauvegarde (starpos db restore DOSSIER) ; ou gardez ce fichier pour l'administrateur et créez un nouveau magasin avec starpos db init --new-store.</translation>
    </message>
    <message>
        <source>The store of this data folder ({store_id}, named in {marker}) is missing or empty at {file}. Nothing was made in its place. Restore the last backup (starpos db restore FOLDER); or make a new store with starpos db init --new-store.</source>
        <translation>Le magasin de ce dossier de données ({store_id}, nommé dans {marker}) est absent ou vide à {file}. Rien n'a été créé à sa place. Restaurez la dernière sauvegarde (starpos db restore DOSSIER) ; ou créez un nouveau magasin avec starpos db init --new-store.</translation>
    </message>
    <message>
        <source>The store file {file} is store {found}, but this data folder's store is {expected} (named in {marker}). Put that store's file back or restore its backup (starpos db restore FOLDER); starpos db init --new-store makes a new store instead.</source>
        <translation>Le fichier de magasin {file} est le magasin {found}, mais le magasin de ce dossier de données est {expected} (nommé dans {marker}). Remettez le fichier de ce magasin ou restaurez sa sauvegarde (starpos db restore DOSSIER) ; starpos db init --new-store crée plutôt un nouveau magasin.</translation>
    </message>
    <message>
        <source>it is empty (0 bytes): it was truncated</source>
        <translation>il est vide (0 octet) : il a été tronqué</translation>
    </message>
    <message>
        <source>it does not begin as an SQLite database: its header is zeroed or overwritten</source>
        <translation>il ne commence pas comme une base SQLite : son en-tête est mis à zéro ou écrasé</translation>
    </message>
    <message>
        <source>it is shorter than its header says ({size} of {expected} bytes): it was cut</source>
        <translation>il est plus court que ne le dit son en-tête ({size} sur {expected} octets) : il a été coupé</translation>
    </message>
    <message>
        <source>SQLite reads it as damaged ({reason})</source>
        <translation>SQLite le lit comme endommagé ({reason})</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be written: {why}. What this command was doing was not recorded. Free space on that disk, or make the folder writable, then run the command again.</source>
        <translation>Le dossier de données {folder} ne peut pas être écrit : {why}. Ce que faisait cette commande n'a pas été enregistré. Libérez de la place sur ce disque, ou rendez le dossier accessible en écriture, puis relancez la commande.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>it is read-only</source>
        <translation>il est en lecture seule</translation>
    </message>
    <message>
      <source>No operator is logged in. Run starpos login first, or give --operator CODE with the password (typed at the prompt, or --password-stdin).</source>
      <translation>Aucun opérateur n'est connecté. Lancez d'abord starpos login, ou donnez --operator CODE avec le mot de passe (tapé à l'invite, ou --password-stdin).</translation>
    </message>
    <message>
      <source>The login of operator {operator} has expired or was ended. Run starpos login again.</source>
      <translation>La connexion de l'opérateur {operator} a expiré ou a été fermée. Relancez starpos login.</translation>
    </message>
    <message>
      <source>The login file {path} cannot be used: {reason}. Run starpos logout, then starpos login again.</source>
      <translation>Le fichier de connexion {path} ne peut pas servir : {reason}. Lancez starpos logout, puis de nouveau starpos login.</translation>
    </message>
    <message>
      <source>There is no terminal with the code {terminal}. Check the code in the back office.</source>
      <translation>Il n'y a pas de terminal avec le code {terminal}. Vérifiez le code dans le back-office.</translation>
    </message>
    <message>
        <source>Meter {number} is marked {condition}: only a Good meter goes out for installation. Set its status to Good once it has been repaired and tested.</source>
        <translation>Le compteur {number} est marqué {condition} : seul un compteur Bon sort pour installation. Remettez-le à Bon une fois réparé et testé.</translation>
    </message>
</context>
  <context>
    <name>cli</name>
    <message>
      <source>Database ready at schema {revision}.</source>
      <translation>Base de données prête, schéma {revision}.</translation>
    </message>
    <message>
      <source>The audit log is intact: {count} entries checked.</source>
      <translation>Le journal d'audit est intact : {count} entrées vérifiées.</translation>
    </message>
    <message>
      <source>Demo utility seeded: {customers} customers, {meters} meters installed, {spares} in stock. Log in as STAR with the password star (you will be asked to change it).</source>
      <translation>Distributeur de démonstration chargé : {customers} clients, {meters} compteurs installés, {spares} en stock. Connectez-vous en tant que STAR avec le mot de passe star (il vous sera demandé de le changer).</translation>
    </message>
    <message>
      <source>Secure module {module}: {keys} demo keys loaded, credit {balance} kWh.</source>
      <translation>Module de sécurité {module} : {keys} clés de démonstration chargées, crédit {balance} kWh.</translation>
    </message>
    <message>
      <source>Meter</source>
      <translation>Compteur</translation>
    </message>
    <message>
      <source>PAN</source>
      <translation>PAN</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Modèle</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <source>Customer status</source>
      <translation>État du client</translation>
    </message>
    <message>
      <source>Customer type</source>
      <translation>Type de client</translation>
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
      <source>Stock status</source>
      <translation>État de stock</translation>
    </message>
    <message>
      <source>Debt</source>
      <translation>Dette</translation>
    </message>
    <message>
      <source>Last purchase</source>
      <translation>Dernier achat</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>Numéro d'identité</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Région</translation>
    </message>
    <message>
      <source>Meters</source>
      <translation>Compteurs</translation>
    </message>
      <message>
        <source>A new store {store} was made at schema {revision}; the file that was there is kept as {aside}. A module that served the old store refuses to sell for this one until it is re-bound (starpos sm rebind) or the old store is restored.</source>
        <translation>Un nouveau magasin {store} a été créé au schéma {revision} ; le fichier qui était là est gardé sous {aside}. Un module qui servait l'ancien magasin refuse de vendre pour celui-ci tant qu'il n'est pas lié de nouveau (starpos sm rebind) ou que l'ancien magasin n'est pas restauré.</translation>
    </message>
    <message>
        <source>A new store {store} was made at schema {revision}.</source>
        <translation>Un nouveau magasin {store} a été créé au schéma {revision}.</translation>
    </message>
</context>
  <context>
    <name>permissions</name>
    <message>
      <source>Uncheck a checked bill</source>
      <translation>Annuler la vérification d'un bon</translation>
    </message>
    <message>
      <source>Take cash from the drawer to the safe</source>
      <translation>Porter des espèces du tiroir au coffre</translation>
    </message>
    <message>
      <source>Pay cash into or out of the drawer</source>
      <translation>Entrer ou sortir des espèces du tiroir</translation>
    </message>
    <message>
      <source>Open the cash drawer outside a sale</source>
      <translation>Ouvrir le tiroir-caisse hors vente</translation>
    </message>
    <message>
      <source>Approve a cash count difference</source>
      <translation>Approuver un écart de comptage de caisse</translation>
    </message>
    <message>
      <source>Sell credit (vend)</source>
      <translation>Vendre du crédit</translation>
    </message>
    <message>
      <source>Reprint a voucher</source>
      <translation>Réimprimer un reçu</translation>
    </message>
    <message>
      <source>Cancel a token</source>
      <translation>Annuler un jeton</translation>
    </message>
    <message>
      <source>Refund a sale</source>
      <translation>Rembourser une vente</translation>
    </message>
    <message>
      <source>Close the shift and the day</source>
      <translation>Clôturer le poste et la journée</translation>
    </message>
    <message>
      <source>Read reports</source>
      <translation>Consulter les rapports</translation>
    </message>
    <message>
      <source>Register and edit customers</source>
      <translation>Enregistrer et modifier les clients</translation>
    </message>
    <message>
      <source>Stock meters in and out</source>
      <translation>Entrées et sorties de stock des compteurs</translation>
    </message>
    <message>
      <source>Replace a meter</source>
      <translation>Remplacer un compteur</translation>
    </message>
    <message>
      <source>Cancel a contract</source>
      <translation>Résilier un contrat</translation>
    </message>
    <message>
      <source>Edit base data and common data</source>
      <translation>Modifier les données de base et communes</translation>
    </message>
    <message>
      <source>Edit operators and roles</source>
      <translation>Modifier les opérateurs et les rôles</translation>
    </message>
    <message>
      <source>Change tariffs and charges</source>
      <translation>Modifier les tarifs et les frais</translation>
    </message>
    <message>
      <source>Issue engineering tokens</source>
      <translation>Émettre des jetons techniques</translation>
    </message>
    <message>
      <source>Change meter keys</source>
      <translation>Changer les clés des compteurs</translation>
    </message>
    <message>
      <source>Issue free credit tokens</source>
      <translation>Émettre des jetons de crédit gratuit</translation>
    </message>
    <message>
      <source>Issue test and display tokens</source>
      <translation>Émettre des jetons de test et d'affichage</translation>
    </message>
    <message>
      <source>Configure devices and the terminal</source>
      <translation>Configurer les appareils et le poste</translation>
    </message>
      <message>
        <source>Change a meter between prepaid and postpaid</source>
        <translation>Passer un compteur de prépayé à post-payé et inversement</translation>
    </message>
</context>
  <context>
    <name>status</name>
    <message>
      <source>Active</source>
      <translation>Actif</translation>
    </message>
    <message>
      <source>Blacklisted</source>
      <translation>Sur liste noire</translation>
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
      <source>At another branch</source>
      <translation>Dans une autre agence</translation>
    </message>
    <message>
      <source>Scrapped</source>
      <translation>Mis au rebut</translation>
    </message>
    <message>
      <source>No contract</source>
      <translation>Sans contrat</translation>
    </message>
    <message>
      <source>Contract active</source>
      <translation>Contrat en cours</translation>
    </message>
    <message>
      <source>Contract cancelled</source>
      <translation>Contrat résilié</translation>
    </message>
    <message>
      <source>Prepaid</source>
      <translation>Prépayé</translation>
    </message>
    <message>
      <source>Post-paid</source>
      <translation>Post-payé</translation>
    </message>
    <message>
      <source>Keypad</source>
      <translation>Clavier</translation>
    </message>
    <message>
      <source>Smart card</source>
      <translation>Carte à puce</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>En attente</translation>
    </message>
    <message>
      <source>Token issued</source>
      <translation>Jeton émis</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>Imprimé</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Échoué</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulé</translation>
    </message>
  </context>
</TS>
