<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>backup</name>
    <message>
      <source>installer settings</source>
      <translation>réglages de l'installateur</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Sauvegarde</translation>
    </message>
    <message>
      <source>The backup is written and checked: {folder}</source>
      <translation>La sauvegarde est écrite et vérifiée : {folder}</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>Sauvegarder maintenant</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>Backup written to {folder}: {size} MB, {vends} vends, audit log intact ({entries} entries), in {seconds} s.</source>
      <translation>Sauvegarde écrite dans {folder} : {size} Mo, {vends} ventes, journal d'audit intact ({entries} entrées), en {seconds} s.</translation>
    </message>
    <message>
      <source>Removed {count} backup(s) older than {days} days.</source>
      <translation>{count} sauvegarde(s) de plus de {days} jours supprimée(s).</translation>
    </message>
    <message>
      <source>No backup due: the last one was made at {last}; the next is due at {next}.</source>
      <translation>Aucune sauvegarde à faire : la dernière date de {last} ; la prochaine est prévue à {next}.</translation>
    </message>
    <message>
      <source>The daily backup is off (backup.daily_at is off).</source>
      <translation>La sauvegarde quotidienne est désactivée (backup.daily_at vaut off).</translation>
    </message>
    <message>
      <source>Vends in progress when it was made (recovery settles them after a restore): {bills}</source>
      <translation>Ventes en cours au moment de la sauvegarde (la reprise les règle après une restauration) : {bills}</translation>
    </message>
    <message>
      <source>The backup {folder} is complete and checked ({vends} vends).</source>
      <translation>La sauvegarde {folder} est complète et vérifiée ({vends} ventes).</translation>
    </message>
    <message>
      <source>Restored {folder} (made at {made_at}).</source>
      <translation>{folder} restaurée (faite le {made_at}).</translation>
    </message>
    <message>
      <source>The store you had is kept as {aside}.</source>
      <translation>La base que vous aviez est conservée sous {aside}.</translation>
    </message>
    <message>
      <source>The module emulator's state was missing: the backup's was put back.</source>
      <translation>L'état de l'émulateur de module manquait : celui de la sauvegarde a été remis en place.</translation>
    </message>
    <message>
      <source>The module credential was missing: the backup's was put back.</source>
      <translation>La clé d'appairage du module manquait : celle de la sauvegarde a été remise en place.</translation>
    </message>
    <message>
      <source>The settings file was missing: the backup's was put back.</source>
      <translation>Le fichier de paramètres manquait : celui de la sauvegarde a été remis en place.</translation>
    </message>
    <message>
      <source>The settings file was replaced by the backup's (the old one is kept aside).</source>
      <translation>Le fichier de paramètres a été remplacé par celui de la sauvegarde (l'ancien est conservé à part).</translation>
    </message>
    <message>
      <source>The settings file was kept (--settings replaces it with the backup's).</source>
      <translation>Le fichier de paramètres a été gardé (--settings le remplace par celui de la sauvegarde).</translation>
    </message>
    <message>
      <source>Module {module}: {settled} vend(s) in progress in the backup settled from the replaced store, {recovered} recovered from the module, {failed} failed.</source>
      <translation>Module {module} : {settled} vente(s) en cours dans la sauvegarde réglée(s) d'après la base remplacée, {recovered} reprise(s) depuis le module, {failed} en échec.</translation>
    </message>
    <message>
      <source>The module's balance ({balance} kWh) agrees with the restored store.</source>
      <translation>Le solde du module ({balance} kWh) concorde avec la base restaurée.</translation>
    </message>
    <message>
      <source>The module made {kwh} kWh of tokens that the restored store does not have; these vends made them (they are in the replaced store, not in the restored one):</source>
      <translation>Le module a fait {kwh} kWh de jetons que la base restaurée n'a pas ; ces ventes les ont faits (elles sont dans la base remplacée, pas dans la base restaurée) :</translation>
    </message>
    <message>
      <source>In progress in the backup, outcome unknown (failed; the module may have made its token):</source>
      <translation>En cours dans la sauvegarde, issue inconnue (mise en échec ; le module a peut-être fait son jeton) :</translation>
    </message>
    <message>
      <source>Every kWh the module made beyond the restored store is named above.</source>
      <translation>Chaque kWh que le module a fait au-delà de la base restaurée est nommé ci-dessus.</translation>
    </message>
    <message>
      <source>The module's balance differs from the restored store by {unaccounted} kWh, of which the vends above account for {named} kWh: compare the module's history with the replaced store.</source>
      <translation>Le solde du module diffère de la base restaurée de {unaccounted} kWh, dont les ventes ci-dessus expliquent {named} kWh : comparez l'historique du module avec la base remplacée.</translation>
    </message>
    <message>
      <source>The module's credit was updated since the last vend in the restored store: its balance cannot be compared; the vends above are what the restored store lacks.</source>
      <translation>Le crédit du module a été mis à jour depuis la dernière vente de la base restaurée : son solde ne peut pas être comparé ; les ventes ci-dessus sont ce qui manque à la base restaurée.</translation>
    </message>
    <message>
      <source>The replaced store could not be read ({problem}): the missing vends cannot be named.</source>
      <translation>La base remplacée n'a pas pu être lue ({problem}) : les ventes manquantes ne peuvent pas être nommées.</translation>
    </message>
    <message>
      <source>By its own counters the module made {tokens} credit token(s), {kwh} kWh, that the restored store does not hold (the last TID it made: {tid}).</source>
      <translation>D'après ses propres compteurs, le module a fait {tokens} jeton(s) de crédit, {kwh} kWh, que la base restaurée n'a pas (le dernier TID qu'il a fait : {tid}).</translation>
    </message>
    <message>
      <source>Bill numbers continue after the replaced store's ({count} counter(s) raised).</source>
      <translation>Les numéros de facture reprennent après ceux de la base remplacée ({count} compteur(s) relevé(s)).</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>The setting {key} cannot be {value}: {reason}.</source>
      <translation>Le paramètre {key} ne peut pas valoir {value} : {reason}.</translation>
    </message>
    <message>
      <source>The settings file {path} has a bad value for {key}. {problem} Set a good one with: starpos settings set {key} VALUE (or go back to the default with: starpos settings reset {key}).</source>
      <translation>Le fichier de paramètres {path} contient une valeur incorrecte pour {key}. {problem} Donnez une bonne valeur avec : starpos settings set {key} VALEUR (ou revenez à la valeur par défaut avec : starpos settings reset {key}).</translation>
    </message>
    <message>
      <source>The settings file {path} cannot be read: {reason}. Correct it in a text editor, or move it away to start again from the default settings.</source>
      <translation>Le fichier de paramètres {path} ne peut pas être lu : {reason}. Corrigez-le dans un éditeur de texte, ou déplacez-le pour repartir des paramètres par défaut.</translation>
    </message>
    <message>
      <source>the value is not valid</source>
      <translation>la valeur n'est pas valide</translation>
    </message>
    <message>
      <source>The store {path} is in use by another StarPOS program (the app, a vend or another command). Close the app and wait for running commands to finish, then try again.</source>
      <translation>La base {path} est utilisée par un autre programme StarPOS (l'application, une vente ou une autre commande). Fermez l'application et attendez la fin des commandes en cours, puis réessayez.</translation>
    </message>
    <message>
      <source>The backup could not be made.</source>
      <translation>La sauvegarde n'a pas pu être faite.</translation>
    </message>
    <message>
      <source>This store is on PostgreSQL: back it up and restore it with pg_dump and pg_restore or the server's point-in-time recovery (docs/store.md, Backups); starpos db backup and restore are for SQLite stores.</source>
      <translation>Cette base est sur PostgreSQL : sauvegardez-la et restaurez-la avec pg_dump et pg_restore ou la restauration à un instant donné du serveur (docs/store.md, Backups) ; starpos db backup et restore sont pour les bases SQLite.</translation>
    </message>
    <message>
      <source>There is no store at {path} to back up yet: starpos db init makes it.</source>
      <translation>Il n'y a pas encore de base à sauvegarder à {path} : starpos db init la crée.</translation>
    </message>
    <message>
      <source>The backup could not be written to {folder}: {reason}. Check the free space and the backup.folder setting.</source>
      <translation>La sauvegarde n'a pas pu être écrite dans {folder} : {reason}. Vérifiez l'espace libre et le paramètre backup.folder.</translation>
    </message>
    <message>
      <source>The backup written to {folder} did not pass its check ({reason}); it was removed. The store itself may be damaged: run starpos audit verify.</source>
      <translation>La sauvegarde écrite dans {folder} n'a pas passé sa vérification ({reason}) ; elle a été supprimée. La base elle-même est peut-être endommagée : lancez starpos audit verify.</translation>
    </message>
    <message>
      <source>The backup {folder} cannot be restored: {reason}. Nothing was changed.</source>
      <translation>La sauvegarde {folder} ne peut pas être restaurée : {reason}. Rien n'a été modifié.</translation>
    </message>
    <message>
      <source>The restore stopped half-way: {reason}. The store you had is kept as {aside}; put it back by renaming it to {store}.</source>
      <translation>La restauration s'est arrêtée en cours de route : {reason}. La base que vous aviez est conservée sous {aside} ; remettez-la en place en la renommant {store}.</translation>
    </message>
    <message>
      <source>the backup is not usable</source>
      <translation>la sauvegarde n'est pas utilisable</translation>
    </message>
    <message>
      <source>The backup was restored (the store you had is kept as {aside}), but the module could not be reconciled with it: {reason}. Connect the module, then run starpos vend reconcile and compare with the replaced store.</source>
      <translation>La sauvegarde a été restaurée (la base que vous aviez est conservée sous {aside}), mais le module n'a pas pu être rapproché d'elle : {reason}. Branchez le module, puis lancez starpos vend reconcile et comparez avec la base remplacée.</translation>
    </message>
    <message>
      <source>The database {url} cannot be reached: {reason}. Check the address, the user and the password, and that the server is running.</source>
      <translation>La base de données {url} est injoignable : {reason}. Vérifiez l'adresse, l'utilisateur et le mot de passe, et que le serveur fonctionne.</translation>
    </message>
    <message>
      <source>it is not a database URL; use sqlite:////FOLDER/starpos.db or postgresql+psycopg://USER@HOST/DATABASE, or leave it empty for SQLite in the data folder</source>
      <translation>ce n'est pas une URL de base de données ; utilisez sqlite:////DOSSIER/starpos.db ou postgresql+psycopg://UTILISATEUR@HÔTE/BASE, ou laissez vide pour SQLite dans le dossier des données</translation>
    </message>
    <message>
      <source>StarPOS keeps its store in SQLite or PostgreSQL, not {backend}</source>
      <translation>StarPOS garde ses données dans SQLite ou PostgreSQL, pas dans {backend}</translation>
    </message>
    <message>
      <source>the PostgreSQL driver {driver} is not installed; write postgresql+psycopg://...</source>
      <translation>le pilote PostgreSQL {driver} n'est pas installé ; écrivez postgresql+psycopg://...</translation>
    </message>
    <message>
      <source>an SQLite store is a file: give its absolute path, as sqlite:////var/lib/starpos/starpos.db</source>
      <translation>une base SQLite est un fichier : donnez son chemin absolu, comme sqlite:////var/lib/starpos/starpos.db</translation>
    </message>
    <message>
      <source>the folder {folder} does not exist; create it first</source>
      <translation>le dossier {folder} n'existe pas ; créez-le d'abord</translation>
    </message>
    <message>
      <source>name the database after the host, as postgresql+psycopg://USER@HOST:5432/DATABASE</source>
      <translation>nommez la base après l'hôte, comme postgresql+psycopg://UTILISATEUR@HÔTE:5432/BASE</translation>
    </message>
    <message>
      <source>StarPOS speaks {languages}; leave it empty to follow the system</source>
      <translation>StarPOS parle {languages} ; laissez vide pour suivre le système</translation>
    </message>
    <message>
      <source>there is no file {path}</source>
      <translation>il n'y a pas de fichier {path}</translation>
    </message>
    <message>
      <source>{path} does not hold STA tables ({detail}); use the file supplied with the secure module</source>
      <translation>{path} ne contient pas de tables STA ({detail}) ; utilisez le fichier livré avec le module de sécurité</translation>
    </message>
    <message>
      <source>a module port is a device such as /dev/ttyUSB0 (COM3 on Windows) or socket://HOST:PORT</source>
      <translation>le port d'un module est un périphérique comme /dev/ttyUSB0 (COM3 sous Windows) ou socket://HÔTE:PORT</translation>
    </message>
    <message>
      <source>there is no port {port} on this computer; plug the module in, or list the ports with ls /dev/ttyUSB* /dev/ttyACM*</source>
      <translation>il n'y a pas de port {port} sur cet ordinateur ; branchez le module, ou listez les ports avec ls /dev/ttyUSB* /dev/ttyACM*</translation>
    </message>
    <message>
      <source>{port} is not a serial port</source>
      <translation>{port} n'est pas un port série</translation>
    </message>
    <message>
      <source>give a host and a port between 1 and 65535, as socket://10.0.0.5:7000</source>
      <translation>donnez un hôte et un port entre 1 et 65535, comme socket://10.0.0.5:7000</translation>
    </message>
    <message>
      <source>a baud rate is one of {rates}</source>
      <translation>un débit en bauds est l'un de {rates}</translation>
    </message>
    <message>
      <source>it must be between {low} and {high}</source>
      <translation>il doit être entre {low} et {high}</translation>
    </message>
    <message>
      <source>it is not a printer connection ({detail}); use for example network:192.168.1.50:9100, usb:04b8:0202, serial:/dev/ttyUSB0:19200, file:/dev/usb/lp0, cups:QUEUE, or leave it empty for the virtual printer</source>
      <translation>ce n'est pas une connexion d'imprimante ({detail}) ; utilisez par exemple network:192.168.1.50:9100, usb:04b8:0202, serial:/dev/ttyUSB0:19200, file:/dev/usb/lp0, cups:FILE, ou laissez vide pour l'imprimante virtuelle</translation>
    </message>
    <message>
      <source>python-escpos knows no printer profile of that name; it knows for example TM-T88V, TM-T20II, POS-5890 and default</source>
      <translation>python-escpos ne connaît aucun profil d'imprimante de ce nom ; il connaît par exemple TM-T88V, TM-T20II, POS-5890 et default</translation>
    </message>
    <message>
      <source>the paper is {widths} mm wide</source>
      <translation>le papier fait {widths} mm de large</translation>
    </message>
    <message>
      <source>it holds control characters, which the printer would take for commands</source>
      <translation>il contient des caractères de contrôle, que l'imprimante prendrait pour des commandes</translation>
    </message>
    <message>
      <source>it has {count} lines; at most {most} fit on a voucher</source>
      <translation>il a {count} lignes ; au plus {most} tiennent sur un reçu</translation>
    </message>
    <message>
      <source>line {line} has {length} characters; at most {most} fit on the paper</source>
      <translation>la ligne {line} a {length} caractères ; au plus {most} tiennent sur le papier</translation>
    </message>
    <message>
      <source>a reader name is one line of at most {most} characters, as starpos card readers lists it</source>
      <translation>un nom de lecteur tient sur une ligne d'au plus {most} caractères, comme starpos card readers l'affiche</translation>
    </message>
    <message>
      <source>give the folder's absolute path (it starts with /), or leave it empty for the data folder</source>
      <translation>donnez le chemin absolu du dossier (il commence par /), ou laissez vide pour le dossier des données</translation>
    </message>
    <message>
      <source>{path} exists and is not a folder</source>
      <translation>{path} existe et n'est pas un dossier</translation>
    </message>
    <message>
      <source>StarPOS may not write in {path}</source>
      <translation>StarPOS n'a pas le droit d'écrire dans {path}</translation>
    </message>
    <message>
      <source>give the time of day as HH:MM (24 hours, for example 12:30), or off</source>
      <translation>donnez l'heure sous la forme HH:MM (24 heures, par exemple 12:30), ou off</translation>
    </message>
    <message>
      <source>it has no backup.json, so it is not a StarPOS backup folder</source>
      <translation>il n'a pas de backup.json, ce n'est donc pas un dossier de sauvegarde StarPOS</translation>
    </message>
    <message>
      <source>its backup.json cannot be read ({detail})</source>
      <translation>son backup.json ne peut pas être lu ({detail})</translation>
    </message>
    <message>
      <source>its file {file} is missing</source>
      <translation>son fichier {file} manque</translation>
    </message>
    <message>
      <source>its file {file} is not as it was written (size or checksum differs)</source>
      <translation>son fichier {file} n'est plus tel qu'il a été écrit (taille ou somme de contrôle différente)</translation>
    </message>
    <message>
      <source>its store fails SQLite's integrity check ({detail})</source>
      <translation>sa base échoue au contrôle d'intégrité de SQLite ({detail})</translation>
    </message>
    <message>
      <source>the audit log in it is broken ({count} problem(s), first at entry {entry})</source>
      <translation>son journal d'audit est rompu ({count} problème(s), le premier à l'entrée {entry})</translation>
    </message>
    <message>
      <source>it was made by a newer StarPOS (schema {found}; this one knows up to {head})</source>
      <translation>elle a été faite par un StarPOS plus récent (schéma {found} ; celui-ci connaît jusqu'au schéma {head})</translation>
    </message>
    <message>
      <source>its store cannot be opened ({detail})</source>
      <translation>sa base ne peut pas être ouverte ({detail})</translation>
    </message>
    <message>
      <source>its module emulator state cannot be read</source>
      <translation>l'état de son émulateur de module ne peut pas être lu</translation>
    </message>
  </context>
  <context>
    <name>settings</name>
    <message>
      <source>It applies at once: no restart needed.</source>
      <translation>Il s'applique tout de suite : pas besoin de redémarrer.</translation>
    </message>
    <message>
      <source>It applies when the app is started again (commands use it at once).</source>
      <translation>Il s'applique au prochain démarrage de l'application (les commandes l'utilisent tout de suite).</translation>
    </message>
    <message>
      <source>It applies when the built-in module emulator starts again.</source>
      <translation>Il s'applique au prochain démarrage de l'émulateur de module intégré.</translation>
    </message>
    <message>
      <source>Backup folder (empty: backups in the data folder)</source>
      <translation>Dossier des sauvegardes (vide : backups dans le dossier des données)</translation>
    </message>
    <message>
      <source>Secure module answer timeout (ms)</source>
      <translation>Délai de réponse du module de sécurité (ms)</translation>
    </message>
    <message>
      <source>Warn this many days before a module key expires</source>
      <translation>Avertir ce nombre de jours avant l'expiration d'une clé du module</translation>
    </message>
    <message>
      <source>Card reader name (empty: the first reader)</source>
      <translation>Nom du lecteur de cartes (vide : le premier lecteur)</translation>
    </message>
    <message>
      <source>Keep backups for (days)</source>
      <translation>Garder les sauvegardes (jours)</translation>
    </message>
    <message>
      <source>Daily backup at (HH:MM, or off)</source>
      <translation>Sauvegarde quotidienne à (HH:MM, ou off)</translation>
    </message>
    <message>
      <source>The database answers (schema {revision}).</source>
      <translation>La base de données répond (schéma {revision}).</translation>
    </message>
    <message>
      <source>There is no store there yet: starpos db init makes it.</source>
      <translation>Il n'y a pas encore de base à cet endroit : starpos db init la crée.</translation>
    </message>
    <message>
      <source>--check reaches the database only; the form of {key} is checked.</source>
      <translation>--check ne contacte que la base de données ; la forme de {key} est vérifiée.</translation>
    </message>
    <message>
      <source>Every setting is good.</source>
      <translation>Tous les paramètres sont bons.</translation>
    </message>
    <message>
      <source>The built-in module emulator was stopped: it starts again with the new value when it is next needed.</source>
      <translation>L'émulateur de module intégré a été arrêté : il redémarrera avec la nouvelle valeur dès qu'il sera nécessaire.</translation>
    </message>
    <message>
      <source>The app is using the built-in module emulator: close the app and run this command again to apply the new value.</source>
      <translation>L'application utilise l'émulateur de module intégré : fermez l'application et relancez cette commande pour appliquer la nouvelle valeur.</translation>
    </message>
      <message>
        <source>A token may be cancelled for (days after its sale)</source>
        <translation>Un jeton peut être annulé pendant (jours après sa vente)</translation>
    </message>
</context>
  <context>
    <name>settings_dialog</name>
    <message>
      <source>Nothing was saved: correct the fields marked in red.</source>
      <translation>Rien n'a été enregistré : corrigez les champs marqués en rouge.</translation>
    </message>
    <message>
      <source>HH:MM, or off</source>
      <translation>HH:MM, ou off</translation>
    </message>
  </context>
<context>
    <name>settings</name>
    <message>
        <source>This computer's terminal code (empty: none yet)</source>
        <translation>Code de terminal de cet ordinateur (vide : aucun pour l'instant)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>a terminal code is 1 to 20 letters, digits, '-' or '_', as Terminals in the administration lists it</source>
        <translation>un code de terminal a de 1 à 20 lettres, chiffres, « - » ou « _ », comme la liste Terminaux de l'administration l'affiche</translation>
    </message>
</context>
</TS>
