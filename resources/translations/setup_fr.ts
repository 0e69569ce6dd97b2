<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>errors</name>
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
    <name>sm</name>
    <message>
      <source>The module holds no keys: load the KMF file from the utility.</source>
      <translation>Le module ne contient aucune clé : chargez le fichier KMF fourni par la compagnie.</translation>
    </message>
    <message>
      <source>Key in register {register} (SGC {sgc}, KRN {krn}) expires on {day}: {days} day(s) left.</source>
      <translation>La clé du registre {register} (SGC {sgc}, KRN {krn}) expire le {day} : il reste {days} jour(s).</translation>
    </message>
    <message>
      <source>Key in register {register} (SGC {sgc}, KRN {krn}) expired on {day}: load its new KMF.</source>
      <translation>La clé du registre {register} (SGC {sgc}, KRN {krn}) a expiré le {day} : chargez son nouveau KMF.</translation>
    </message>
    <message>
      <source>Reg  SGC     KRN  KT  KEN  Base  Algorithm      Activation  Issued until  Expires</source>
      <translation>Reg  SGC     KRN  KT  KEN  Base  Algorithme     Activation  Émise jusqu'au  Expire</translation>
    </message>
    <message>
      <source>The date {value} is not a date such as 2026-12-31.</source>
      <translation>{value} n'est pas une date comme 2026-12-31.</translation>
    </message>
    <message>
      <source>Balance before (kWh)</source>
      <translation>Solde avant (kWh)</translation>
    </message>
    <message>
      <source>Operation</source>
      <translation>Opération</translation>
    </message>
    <message>
      <source>Key registers</source>
      <translation>Registres de clés</translation>
    </message>
  </context>
</TS>
