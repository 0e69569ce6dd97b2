<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>errors</name>
    <message>
      <source>StarPOS could not complete the request.</source>
      <translation>StarPOS n'a pas pu traiter la demande.</translation>
    </message>
    <message>
      <source>The setting is not valid.</source>
      <translation>Le réglage n'est pas valide.</translation>
    </message>
    <message>
      <source>The local database could not be used.</source>
      <translation>La base de données locale n'a pas pu être utilisée.</translation>
    </message>
    <message>
      <source>A device did not answer as expected.</source>
      <translation>Un périphérique n'a pas répondu comme prévu.</translation>
    </message>
    <message>
      <source>You are not allowed to do this.</source>
      <translation>Vous n'êtes pas autorisé à faire cela.</translation>
    </message>
    <message>
      <source>The sale could not be priced.</source>
      <translation>La vente n'a pas pu être tarifée.</translation>
    </message>
    <message>
      <source>The vend could not be completed.</source>
      <translation>La vente n'a pas pu être terminée.</translation>
    </message>
    <message>
      <source>There is no setting called {key}.</source>
      <translation>Il n'existe pas de réglage nommé {key}.</translation>
    </message>
    <message>
      <source>The setting {key} needs a value of type {type}, not {value!r}.</source>
      <translation>Le réglage {key} attend une valeur de type {type}, pas {value!r}.</translation>
    </message>
    <message>
      <source>The settings file {path} cannot be read: {reason}.</source>
      <translation>Le fichier de réglages {path} est illisible : {reason}.</translation>
    </message>
    <message>
      <source>There is no active prepaid keypad meter to sell to; run starpos demo seed first.</source>
      <translation>Aucun compteur à clavier prépayé actif à qui vendre ; lancez d'abord starpos demo seed.</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>usage error</source>
      <translation>erreur d'utilisation</translation>
    </message>
    <message>
      <source>internal error ({kind}); details are in {path}</source>
      <translation>erreur interne ({kind}) ; les détails sont dans {path}</translation>
    </message>
    <message>
      <source>First run: seeding the demo utility (this takes a minute).</source>
      <translation>Premier lancement : création du distributeur de démonstration (cela prend une minute).</translation>
    </message>
    <message>
      <source>No display: showing one sale at the counter without the window.</source>
      <translation>Pas d'écran : voici une vente au guichet sans la fenêtre.</translation>
    </message>
    <message>
      <source>Cashier {cashier} sold {net} to meter {meter} ({customer}): bill {bill}, {energy} kWh.
Token: {token}</source>
      <translation>Le caissier {cashier} a vendu {net} au compteur {meter} ({customer}) : facture {bill}, {energy} kWh.
Jeton : {token}</translation>
    </message>
    <message>
      <source>Voucher printed by the virtual printer: {path}</source>
      <translation>Reçu imprimé par l'imprimante virtuelle : {path}</translation>
    </message>
  </context>
  <context>
    <name>settings</name>
    <message>
      <source>Database URL (empty: SQLite in the data folder)</source>
      <translation>URL de la base de données (vide : SQLite dans le dossier de données)</translation>
    </message>
    <message>
      <source>Language (empty: from the system)</source>
      <translation>Langue (vide : celle du système)</translation>
    </message>
    <message>
      <source>STA tables file (empty: the sample tables)</source>
      <translation>Fichier des tables STA (vide : les tables d'exemple)</translation>
    </message>
    <message>
      <source>Secure module port or URL (empty: start the emulator)</source>
      <translation>Port ou URL du module de sécurité (vide : lancer l'émulateur)</translation>
    </message>
    <message>
      <source>Secure module baud rate</source>
      <translation>Débit du module de sécurité (bauds)</translation>
    </message>
    <message>
      <source>Secure module answer timeout (ms)</source>
      <translation>Délai de réponse du module de sécurité (ms)</translation>
    </message>
    <message>
      <source>Printer connection (empty: the virtual printer)</source>
      <translation>Connexion de l'imprimante (vide : l'imprimante virtuelle)</translation>
    </message>
    <message>
      <source>Printer profile (python-escpos)</source>
      <translation>Profil de l'imprimante (python-escpos)</translation>
    </message>
    <message>
      <source>Paper width (mm)</source>
      <translation>Largeur du papier (mm)</translation>
    </message>
    <message>
      <source>Print the token as a QR code</source>
      <translation>Imprimer le jeton en code QR</translation>
    </message>
    <message>
      <source>Open the cash drawer on cash sales</source>
      <translation>Ouvrir le tiroir-caisse pour les ventes en espèces</translation>
    </message>
    <message>
      <source>Voucher header lines</source>
      <translation>Lignes d'en-tête du reçu</translation>
    </message>
    <message>
      <source>Voucher footer lines</source>
      <translation>Lignes de pied du reçu</translation>
    </message>
    <message>
      <source>Card reader name (empty: the first reader)</source>
      <translation>Nom du lecteur de cartes (vide : le premier lecteur)</translation>
    </message>
  </context>
</TS>
