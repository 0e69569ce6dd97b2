<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>errors</name>
    <message>
      <source>The secure module {module} holds no vending key in force today. Load the utility's KMF file (Secure module manager, Load KMF) before the first sale.</source>
      <translation>Le module de sécurité {module} ne détient aucune clé de vente en vigueur aujourd'hui. Chargez le fichier KMF du distributeur (Gestionnaire du module de sécurité, Charger un KMF) avant la première vente.</translation>
    </message>
    <message>
      <source>The device could not be checked ({native}).</source>
      <translation>L'appareil n'a pas pu être vérifié ({native}).</translation>
    </message>
    <message>
      <source>The port {port} is used by another program ({holder}). Close that program, then try again.</source>
      <translation>Le port {port} est utilisé par un autre programme ({holder}). Fermez ce programme, puis réessayez.</translation>
    </message>
    <message>
      <source>Permission denied on {port}: add the user {user} to the {group} group (sudo usermod -aG {group} {user}), then log out and in again.</source>
      <translation>Permission refusée sur {port} : ajoutez l'utilisateur {user} au groupe {group} (sudo usermod -aG {group} {user}), puis déconnectez-vous et reconnectez-vous.</translation>
    </message>
    <message>
      <source>There is no port {port}: the module is unplugged or the name is wrong. Plug it in and look for it in the list again.</source>
      <translation>Il n'y a pas de port {port} : le module est débranché ou le nom est faux. Branchez-le et cherchez-le de nouveau dans la liste.</translation>
    </message>
    <message>
      <source>No secure module answered on {port} at {baud} baud ({native}). Another device is connected there, or the module is switched off.</source>
      <translation>Aucun module de sécurité n'a répondu sur {port} à {baud} bauds ({native}). Un autre appareil y est branché, ou le module est éteint.</translation>
    </message>
    <message>
      <source>No PC/SC service running ({native}): install and start pcscd (sudo apt install pcscd, then sudo systemctl start pcscd).</source>
      <translation>Aucun service PC/SC ne tourne ({native}) : installez et démarrez pcscd (sudo apt install pcscd, puis sudo systemctl start pcscd).</translation>
    </message>
    <message>
      <source>The smart card library is not installed ({native}): install pyscard (pip install pyscard, it needs libpcsclite-dev) and start StarPOS again.</source>
      <translation>La bibliothèque des cartes à puce n'est pas installée ({native}) : installez pyscard (pip install pyscard, il lui faut libpcsclite-dev) et relancez StarPOS.</translation>
    </message>
    <message>
      <source>No card reader is connected ({native}). Plug in the reader; if it is plugged in, check that pcscd has a driver for it (libccid).</source>
      <translation>Aucun lecteur de cartes n'est branché ({native}). Branchez le lecteur ; s'il l'est, vérifiez que pcscd a un pilote pour lui (libccid).</translation>
    </message>
    <message>
      <source>USB printers cannot be listed ({native}): install pyusb and libusb-1.0, or type the printer's network address or serial port instead.</source>
      <translation>Les imprimantes USB ne peuvent pas être listées ({native}) : installez pyusb et libusb-1.0, ou saisissez plutôt l'adresse réseau ou le port série de l'imprimante.</translation>
    </message>
    <message>
      <source>Permission denied on the USB printer {device}: add a udev rule giving the user {user} access to it (or add the user to the lp group), then plug it in again.</source>
      <translation>Permission refusée sur l'imprimante USB {device} : ajoutez une règle udev donnant accès à l'utilisateur {user} (ou ajoutez-le au groupe lp), puis rebranchez-la.</translation>
    </message>
  </context>
  <context>
    <name>devices</name>
    <message>
      <source>No secure module found.</source>
      <translation>Aucun module de sécurité trouvé.</translation>
    </message>
    <message>
      <source>secure module {module_id}, firmware {firmware}, {keys} key(s){training}</source>
      <translation>module de sécurité {module_id}, micrologiciel {firmware}, {keys} clé(s){training}</translation>
    </message>
    <message>
      <source>, training module</source>
      <translation>, module de formation</translation>
    </message>
    <message>
      <source>no USB printer</source>
      <translation>aucune imprimante USB</translation>
    </message>
    <message>
      <source>Serial ports</source>
      <translation>Ports série</translation>
    </message>
    <message>
      <source>USB printers</source>
      <translation>Imprimantes USB</translation>
    </message>
    <message>
      <source>Card readers</source>
      <translation>Lecteurs de cartes</translation>
    </message>
  </context>
  <context>
    <name>setup</name>
    <message>
      <source>Test vend: not made (the first sale will check the same).</source>
      <translation>Vente d'essai : non faite (la première vente vérifiera la même chose).</translation>
    </message>
    <message>
      <source>Test vend: done for meter {meter}.</source>
      <translation>Vente d'essai : faite pour le compteur {meter}.</translation>
    </message>
    <message>
      <source>Asking the secure module for the test meter…</source>
      <translation>Interrogation du module de sécurité pour le compteur d'essai…</translation>
    </message>
    <message>
      <source>The module is ready; printing the test voucher…</source>
      <translation>Le module est prêt ; impression du ticket d'essai…</translation>
    </message>
    <message>
      <source>Test vend</source>
      <translation>Vente d'essai</translation>
    </message>
    <message>
      <source>A test vend for a test meter through the module and the printer chosen: the module is asked what a sale needs, the printer prints the meter's test token. Nothing is sold.</source>
      <translation>Une vente d'essai pour un compteur d'essai avec le module et l'imprimante choisis : le module est interrogé sur ce qu'une vente demande, l'imprimante imprime le jeton de test du compteur. Rien n'est vendu.</translation>
    </message>
    <message>
      <source>Test &amp;meter number:</source>
      <translation>Numéro du &amp;compteur d'essai :</translation>
    </message>
    <message>
      <source>Make a test &amp;vend</source>
      <translation>Faire une &amp;vente d'essai</translation>
    </message>
    <message>
      <source>Credit the module (Secure module manager) before the first sale.</source>
      <translation>Créditez le module (Gestionnaire du module de sécurité) avant la première vente.</translation>
    </message>
    <message>
      <source>The test vend stopped at the secure module: {reason}</source>
      <translation>La vente d'essai s'est arrêtée au module de sécurité : {reason}</translation>
    </message>
    <message>
      <source>The module is ready for meter {meter}, but the test voucher did not print: {reason}</source>
      <translation>Le module est prêt pour le compteur {meter}, mais le ticket d'essai ne s'est pas imprimé : {reason}</translation>
    </message>
    <message>
      <source>Test vend done for meter {meter}: module {module_id} holds the key that serves it (supply group {sgc}, key revision {krn}, register {register}).</source>
      <translation>Vente d'essai faite pour le compteur {meter} : le module {module_id} détient la clé qui le sert (groupe d'approvisionnement {sgc}, révision de clé {krn}, registre {register}).</translation>
    </message>
    <message>
      <source>The module has {balance} kWh of credit.</source>
      <translation>Le module a {balance} kWh de crédit.</translation>
    </message>
    <message>
      <source>The test voucher printed on {connection} with the meter's test token {token}: no credit was used and nothing was sold, so there is nothing to void.</source>
      <translation>Le ticket d'essai s'est imprimé sur {connection} avec le jeton de test du compteur {token} : aucun crédit utilisé, rien de vendu, donc rien à annuler.</translation>
    </message>
    <message>
      <source>TEST VEND - NOT A SALE</source>
      <translation>VENTE D'ESSAI - PAS UNE VENTE</translation>
    </message>
    <message>
      <source>Test/display token for the meter: no credit, nothing booked, nothing to void.</source>
      <translation>Jeton de test/affichage du compteur : aucun crédit, rien de comptabilisé, rien à annuler.</translation>
    </message>
    <message>
      <source>This terminal uses module {module_id} (firmware {firmware}).</source>
      <translation>Ce terminal utilise le module {module_id} (micrologiciel {firmware}).</translation>
    </message>
    <message>
      <source>Trying every serial port…</source>
      <translation>Essai de chaque port série…</translation>
    </message>
    <message>
      <source>secure module {module_id}, firmware {firmware}, {keys} key(s)</source>
      <translation>module de sécurité {module_id}, micrologiciel {firmware}, {keys} clé(s)</translation>
    </message>
    <message>
      <source>Asking the module…</source>
      <translation>Interrogation du module…</translation>
    </message>
    <message>
      <source>Secure module</source>
      <translation>Module de sécurité</translation>
    </message>
    <message>
      <source>The module shows up as a serial port (Silicon Labs CP210x USB to UART Bridge). StarPOS tries each port.</source>
      <translation>Le module apparaît comme un port série (Silicon Labs CP210x USB to UART Bridge). StarPOS essaie chaque port.</translation>
    </message>
    <message>
      <source>Serial &amp;ports:</source>
      <translation>&amp;Ports série :</translation>
    </message>
    <message>
      <source>&amp;Other port:</source>
      <translation>&amp;Autre port :</translation>
    </message>
    <message>
      <source>&amp;Search again</source>
      <translation>&amp;Chercher de nouveau</translation>
    </message>
    <message>
      <source>&amp;Use this module</source>
      <translation>&amp;Utiliser ce module</translation>
    </message>
    <message>
      <source>Use the &amp;training module</source>
      <translation>Utiliser le module de &amp;formation</translation>
    </message>
    <message>
      <source>Printing a test voucher…</source>
      <translation>Impression d'un bon de test…</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>Imprimante</translation>
    </message>
    <message>
      <source>Choose the voucher printer, or type network:HOST:PORT or serial:DEVICE; virtual is the built-in printer for training.</source>
      <translation>Choisissez l'imprimante des bons, ou saisissez network:HÔTE:PORT ou serial:PÉRIPHÉRIQUE ; virtual est l'imprimante intégrée pour la formation.</translation>
    </message>
    <message>
      <source>&amp;Printer:</source>
      <translation>&amp;Imprimante :</translation>
    </message>
    <message>
      <source>Paper &amp;width:</source>
      <translation>&amp;Largeur du papier :</translation>
    </message>
    <message>
      <source>P&amp;rofile:</source>
      <translation>P&amp;rofil :</translation>
    </message>
    <message>
      <source>Print a &amp;test voucher</source>
      <translation>Imprimer un bon de &amp;test</translation>
    </message>
    <message>
      <source>Reading the card…</source>
      <translation>Lecture de la carte…</translation>
    </message>
    <message>
      <source>The reader works: StarPOS card {serial} (ATR {atr}).</source>
      <translation>Le lecteur fonctionne : carte StarPOS {serial} (ATR {atr}).</translation>
    </message>
    <message>
      <source>The reader works: a card that is not a StarPOS card (ATR {atr}).</source>
      <translation>Le lecteur fonctionne : une carte qui n'est pas une carte StarPOS (ATR {atr}).</translation>
    </message>
    <message>
      <source>Card reader</source>
      <translation>Lecteur de cartes</translation>
    </message>
    <message>
      <source>For card meters: the PC/SC reader the cashier puts the card in.</source>
      <translation>Pour les compteurs à carte : le lecteur PC/SC où le caissier insère la carte.</translation>
    </message>
    <message>
      <source>&amp;Reader:</source>
      <translation>&amp;Lecteur :</translation>
    </message>
    <message>
      <source>&amp;Look again</source>
      <translation>&amp;Chercher de nouveau</translation>
    </message>
    <message>
      <source>Read a test &amp;card</source>
      <translation>Lire une &amp;carte de test</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Prêt</translation>
    </message>
    <message>
      <source>Choose the module's port and press Use.</source>
      <translation>Choisissez le port du module et appuyez sur Utiliser.</translation>
    </message>
    <message>
      <source>No secure module found. Use the training module?</source>
      <translation>Aucun module de sécurité trouvé. Utiliser le module de formation ?</translation>
    </message>
    <message>
      <source>It is a training module: its tokens are for practice.</source>
      <translation>C'est un module de formation : ses jetons servent à l'entraînement.</translation>
    </message>
    <message>
      <source>Put a card in the reader and read it.</source>
      <translation>Insérez une carte dans le lecteur et lisez-la.</translation>
    </message>
    <message>
      <source>Test voucher printed on {connection} ({bytes} bytes); the printer says: {state}. Check the paper: the lines and the QR code must be sharp.</source>
      <translation>Bon de test imprimé sur {connection} ({bytes} octets) ; l'imprimante indique : {state}. Vérifiez le papier : les lignes et le code QR doivent être nets.</translation>
    </message>
    <message>
      <source>StarPOS set-up</source>
      <translation>Installation de StarPOS</translation>
    </message>
    <message>
      <source>Printer: not tested (set it later in the settings).</source>
      <translation>Imprimante : non testée (à régler plus tard dans les réglages).</translation>
    </message>
    <message>
      <source>Card reader: not tested (only card meters need one).</source>
      <translation>Lecteur de cartes : non testé (seuls les compteurs à carte en ont besoin).</translation>
    </message>
    <message>
      <source>Press Finish to log in.</source>
      <translation>Appuyez sur Terminer pour vous connecter.</translation>
    </message>
    <message>
      <source>Press Finish to set up the utility in the back office.</source>
      <translation>Appuyez sur Terminer pour configurer la compagnie dans le back-office.</translation>
    </message>
    <message>
      <source>Secure module: {module_id}{training}.</source>
      <translation>Module de sécurité : {module_id}{training}.</translation>
    </message>
    <message>
      <source>Printer: {connection}, test voucher printed.</source>
      <translation>Imprimante : {connection}, bon de test imprimé.</translation>
    </message>
    <message>
      <source>Card reader: {reader}, test card read.</source>
      <translation>Lecteur de cartes : {reader}, carte de test lue.</translation>
    </message>
    <message>
      <source> (training)</source>
      <translation> (formation)</translation>
    </message>
    <message>
      <source>Welcome to StarPOS</source>
      <translation>Bienvenue dans StarPOS</translation>
    </message>
    <message>
      <source>This wizard sets up this PC in a few steps.</source>
      <translation>Cet assistant configure ce PC en quelques étapes.</translation>
    </message>
    <message>
      <source>&amp;Language of StarPOS on this PC:</source>
      <translation>&amp;Langue de StarPOS sur ce PC :</translation>
    </message>
    <message>
      <source>What is this PC?</source>
      <translation>Qu'est-ce que ce PC ?</translation>
    </message>
    <message>
      <source>Choose how this StarPOS is used.</source>
      <translation>Choisissez comment ce StarPOS est utilisé.</translation>
    </message>
    <message>
      <source>A &amp;new utility on this PC</source>
      <translation>Une &amp;nouvelle compagnie sur ce PC</translation>
    </message>
    <message>
      <source>Everything on this PC: after the devices, the back office's set-up creates the company, sales points, tariffs and operators (or loads the demo utility).</source>
      <translation>Tout sur ce PC : après les appareils, la configuration du back-office crée la société, les points de vente, les tarifs et les opérateurs (ou charge la compagnie de démonstration).</translation>
    </message>
    <message>
      <source>A &amp;counter of an existing head office</source>
      <translation>Un &amp;guichet d'un siège existant</translation>
    </message>
    <message>
      <source>The head office gave you its server address and a one-time enrolment code for this terminal; its master data comes down to this PC.</source>
      <translation>Le siège vous a donné l'adresse de son serveur et un code d'inscription à usage unique pour ce terminal ; ses données de base descendent sur ce PC.</translation>
    </message>
    <message>
      <source>Enrolling with the head office…</source>
      <translation>Inscription auprès du siège…</translation>
    </message>
    <message>
      <source>Head office</source>
      <translation>Siège</translation>
    </message>
    <message>
      <source>Enrol this counter with its head office.</source>
      <translation>Inscrivez ce guichet auprès de son siège.</translation>
    </message>
    <message>
      <source>&amp;Server address:</source>
      <translation>Adresse du &amp;serveur :</translation>
    </message>
    <message>
      <source>One-time &amp;code:</source>
      <translation>&amp;Code à usage unique :</translation>
    </message>
    <message>
      <source>&amp;Enrol</source>
      <translation>&amp;Inscrire</translation>
    </message>
    <message>
      <source>This terminal's sales point</source>
      <translation>Le point de vente de ce terminal</translation>
    </message>
    <message>
      <source>A new utility has no sales points yet: the back office's set-up, after this wizard, creates them, and each operator logs in at one.</source>
      <translation>Une nouvelle compagnie n'a pas encore de points de vente : la configuration du back-office, après cet assistant, les crée, et chaque opérateur se connecte à l'un d'eux.</translation>
    </message>
    <message>
      <source>Enrolled as terminal {terminal} of sales point {sales_point}; the head office's master data has arrived.</source>
      <translation>Inscrit comme terminal {terminal} du point de vente {sales_point} ; les données de base du siège sont arrivées.</translation>
    </message>
    <message>
      <source>The head office made this PC terminal {terminal} of sales point {sales_point}. Its sales are booked there.</source>
      <translation>Le siège a fait de ce PC le terminal {terminal} du point de vente {sales_point}. Ses ventes y sont enregistrées.</translation>
    </message>
    <message>
      <source>Set-up wizard…</source>
      <translation>Assistant d'installation…</translation>
    </message>
    <message>
      <source>Secure module manager…</source>
      <translation>Gestionnaire du module de sécurité…</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Terminer</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>What this PC is set up with.</source>
      <translation>Ce avec quoi ce PC est configuré.</translation>
    </message>
  </context>
  <context>
    <name>modulemanager</name>
    <message>
      <source>Current or old</source>
      <translation>Actuelle ou ancienne</translation>
    </message>
    <message>
      <source>current</source>
      <translation>actuelle</translation>
    </message>
    <message>
      <source>old (KRN {krn} is current)</source>
      <translation>ancienne (la KRN {krn} est actuelle)</translation>
    </message>
    <message>
      <source>Reading the module…</source>
      <translation>Lecture du module…</translation>
    </message>
    <message>
      <source>signed in</source>
      <translation>session ouverte</translation>
    </message>
    <message>
      <source>queries only</source>
      <translation>consultation seulement</translation>
    </message>
    <message>
      <source>no answer</source>
      <translation>pas de réponse</translation>
    </message>
    <message>
      <source>Key file (KMF)</source>
      <translation>Fichier de clés (KMF)</translation>
    </message>
    <message>
      <source>KMF files (*.kmf);;All (*)</source>
      <translation>Fichiers KMF (*.kmf);;Tous (*)</translation>
    </message>
    <message>
      <source>Load KMF</source>
      <translation>Charger un KMF</translation>
    </message>
    <message>
      <source>Loading the keys…</source>
      <translation>Chargement des clés…</translation>
    </message>
    <message>
      <source>Credit update block</source>
      <translation>Bloc de mise à jour du crédit</translation>
    </message>
    <message>
      <source>Credit blocks (*.smc);;All (*)</source>
      <translation>Blocs de crédit (*.smc);;Tous (*)</translation>
    </message>
    <message>
      <source>Credit the module</source>
      <translation>Créditer le module</translation>
    </message>
    <message>
      <source>Crediting the module…</source>
      <translation>Crédit du module…</translation>
    </message>
    <message>
      <source>Secure module manager</source>
      <translation>Gestionnaire du module de sécurité</translation>
    </message>
    <message>
      <source>&amp;Keys</source>
      <translation>&amp;Clés</translation>
    </message>
    <message>
      <source>Credit &amp;history</source>
      <translation>&amp;Historique du crédit</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>&amp;Actualiser</translation>
    </message>
    <message>
      <source>Load &amp;KMF…</source>
      <translation>Charger un &amp;KMF…</translation>
    </message>
    <message>
      <source>&amp;Credit…</source>
      <translation>Cré&amp;diter…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>Key {register} (SGC {sgc}, KRN {krn}) expired on {day}.</source>
      <translation>La clé {register} (SGC {sgc}, KRN {krn}) a expiré le {day}.</translation>
    </message>
    <message>
      <source>Key {register} (SGC {sgc}, KRN {krn}) expires on {day}: {days} day(s) left. Ask the key management centre for its next KMF.</source>
      <translation>La clé {register} (SGC {sgc}, KRN {krn}) expire le {day} : il reste {days} jour(s). Demandez son prochain KMF au centre de gestion des clés.</translation>
    </message>
    <message>
      <source> (training)</source>
      <translation> (formation)</translation>
    </message>
    <message>
      <source>{count} key(s) loaded; key check value {key_check}.</source>
      <translation>{count} clé(s) chargée(s) ; valeur de contrôle {key_check}.</translation>
    </message>
    <message>
      <source>Credit update {sequence} applied: {before} kWh before, {after} after.</source>
      <translation>Mise à jour du crédit {sequence} appliquée : {before} kWh avant, {after} après.</translation>
    </message>
    <message>
      <source>The file {path} cannot be read: {reason}.</source>
      <translation>Le fichier {path} ne peut pas être lu : {reason}.</translation>
    </message>
    <message>
      <source>&amp;Apply</source>
      <translation>&amp;Appliquer</translation>
    </message>
    <message>
      <source>Key file for module {module_id}, issued {issued}; signature good.</source>
      <translation>Fichier de clés pour le module {module_id}, émis le {issued} ; signature valide.</translation>
    </message>
    <message>
      <source>{operation} {amount} kWh (credit update {sequence}); signature good.</source>
      <translation>{operation} {amount} kWh (mise à jour du crédit {sequence}) ; signature valide.</translation>
    </message>
    <message>
      <source>Balance now: {before} kWh. After: {after} kWh.</source>
      <translation>Solde actuel : {before} kWh. Après : {after} kWh.</translation>
    </message>
    <message>
      <source>Register {register}: new key, SGC {sgc}, KRN {krn}, {algorithm}, until {until}.</source>
      <translation>Registre {register} : nouvelle clé, SGC {sgc}, KRN {krn}, {algorithm}, jusqu'au {until}.</translation>
    </message>
    <message>
      <source>Register {register}: replaces SGC {old_sgc} KRN {old_krn} by SGC {sgc}, KRN {krn}, {algorithm}, until {until}.</source>
      <translation>Registre {register} : remplace SGC {old_sgc} KRN {old_krn} par SGC {sgc}, KRN {krn}, {algorithm}, jusqu'au {until}.</translation>
    </message>
    <message>
      <source>Register {register}: the same key again (SGC {sgc}, KRN {krn}).</source>
      <translation>Registre {register} : la même clé de nouveau (SGC {sgc}, KRN {krn}).</translation>
    </message>
    <message>
      <source>Register {register}: kept as it is (SGC {sgc}, KRN {krn}).</source>
      <translation>Registre {register} : conservé tel quel (SGC {sgc}, KRN {krn}).</translation>
    </message>
    <message>
      <source>Module id:</source>
      <translation>Identifiant du module :</translation>
    </message>
    <message>
      <source>Firmware:</source>
      <translation>Micrologiciel :</translation>
    </message>
    <message>
      <source>Balance (kWh):</source>
      <translation>Solde (kWh) :</translation>
    </message>
    <message>
      <source>Credit update sequence:</source>
      <translation>Séquence des mises à jour du crédit :</translation>
    </message>
    <message>
      <source>Link:</source>
      <translation>Liaison :</translation>
    </message>
    <message>
      <source>Key check value:</source>
      <translation>Valeur de contrôle des clés :</translation>
    </message>
    <message>
      <source>good</source>
      <translation>valide</translation>
    </message>
    <message>
      <source>expires soon</source>
      <translation>expire bientôt</translation>
    </message>
    <message>
      <source>expired</source>
      <translation>expirée</translation>
    </message>
    <message>
      <source>not active yet</source>
      <translation>pas encore active</translation>
    </message>
    <message>
      <source>vending</source>
      <translation>vente</translation>
    </message>
    <message>
      <source>key change only</source>
      <translation>changement de clé seulement</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>Remplacer</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <source>Decrease</source>
      <translation>Diminuer</translation>
    </message>
    <message>
      <source>Register</source>
      <translation>Registre</translation>
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
      <source>Key type</source>
      <translation>Type de clé</translation>
    </message>
    <message>
      <source>KEN</source>
      <translation>KEN</translation>
    </message>
    <message>
      <source>Base date</source>
      <translation>Date de base</translation>
    </message>
    <message>
      <source>Algorithm</source>
      <translation>Algorithme</translation>
    </message>
    <message>
      <source>Use</source>
      <translation>Usage</translation>
    </message>
    <message>
      <source>Activation</source>
      <translation>Activation</translation>
    </message>
    <message>
      <source>Issued until</source>
      <translation>Émise jusqu'au</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>Expire</translation>
    </message>
    <message>
      <source>Days left</source>
      <translation>Jours restants</translation>
    </message>
    <message>
      <source>Standing</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Credit limit (kWh)</source>
      <translation>Limite de crédit (kWh)</translation>
    </message>
    <message>
      <source>Sequence</source>
      <translation>Séquence</translation>
    </message>
    <message>
      <source>Operation</source>
      <translation>Opération</translation>
    </message>
    <message>
      <source>Amount (kWh)</source>
      <translation>Montant (kWh)</translation>
    </message>
    <message>
      <source>Balance before (kWh)</source>
      <translation>Solde avant (kWh)</translation>
    </message>
    <message>
      <source>Balance after (kWh)</source>
      <translation>Solde après (kWh)</translation>
    </message>
    <message>
      <source>Block</source>
      <translation>Bloc</translation>
    </message>
  </context>
  <context>
    <name>status</name>
    <message>
      <source>Module key expired</source>
      <translation>Clé du module expirée</translation>
    </message>
    <message>
      <source>Module key expires in {days} day(s)</source>
      <translation>La clé du module expire dans {days} jour(s)</translation>
    </message>
    <message>
      <source>Key {register} (SGC {sgc}, KRN {krn}): until {day}</source>
      <translation>Clé {register} (SGC {sgc}, KRN {krn}) : jusqu'au {day}</translation>
    </message>
  </context>
</TS>
