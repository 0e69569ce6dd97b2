<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>The printer {connection} did not print the voucher.</source>
        <translation>L'imprimante {connection} n'a pas imprimé le bon.</translation>
    </message>
    <message>
        <source>The printer {connection} was not found ({native}). Check that it is plugged in and switched on, and that the printer connection setting is right.</source>
        <translation>L'imprimante {connection} est introuvable ({native}). Vérifiez qu'elle est branchée et allumée, et que le réglage de connexion de l'imprimante est correct.</translation>
    </message>
    <message>
        <source>The printer {connection} is offline ({native}). Switch it on or reconnect it, then print again.</source>
        <translation>L'imprimante {connection} est hors ligne ({native}). Allumez-la ou reconnectez-la, puis imprimez à nouveau.</translation>
    </message>
    <message>
        <source>The cover of the printer {connection} is open. Close it, then print again.</source>
        <translation>Le capot de l'imprimante {connection} est ouvert. Fermez-le, puis imprimez à nouveau.</translation>
    </message>
    <message>
        <source>The printer {connection} is out of paper. Load a new roll, then print again.</source>
        <translation>L'imprimante {connection} n'a plus de papier. Mettez un nouveau rouleau, puis imprimez à nouveau.</translation>
    </message>
    <message>
        <source>The printer {connection} reports an error ({native}). Clear it (paper jam, cutter), switch the printer off and on, then print again.</source>
        <translation>L'imprimante {connection} signale une erreur ({native}). Corrigez-la (bourrage, massicot), éteignez et rallumez l'imprimante, puis imprimez à nouveau.</translation>
    </message>
    <message>
        <source>The printer {connection} did not answer within {seconds} seconds. Check the cable or network, then print again.</source>
        <translation>L'imprimante {connection} n'a pas répondu en {seconds} secondes. Vérifiez le câble ou le réseau, puis imprimez à nouveau.</translation>
    </message>
    <message>
        <source>The connection to the printer {connection} failed while printing ({native}); the voucher may be incomplete. Reprint it when the printer is ready.</source>
        <translation>La connexion à l'imprimante {connection} a échoué pendant l'impression ({native}) ; le bon est peut-être incomplet. Réimprimez-le quand l'imprimante est prête.</translation>
    </message>
    <message>
        <source>Printing over {kind} needs the Python package {package}, which is not installed. Install it or choose another printer connection.</source>
        <translation>L'impression via {kind} nécessite le paquet Python {package}, qui n'est pas installé. Installez-le ou choisissez une autre connexion d'imprimante.</translation>
    </message>
    <message>
        <source>The voucher cannot be printed: {reason}.</source>
        <translation>Le bon ne peut pas être imprimé : {reason}.</translation>
    </message>
    <message>
        <source>The printer connection {value!r} is not valid: {reason}. Use for example network:192.168.1.50:9100, usb:04b8:0202, serial:/dev/ttyUSB0:19200, file:/dev/usb/lp0, cups:QUEUE or virtual.</source>
        <translation>La connexion d'imprimante {value!r} n'est pas valide : {reason}. Utilisez par exemple network:192.168.1.50:9100, usb:04b8:0202, serial:/dev/ttyUSB0:19200, file:/dev/usb/lp0, cups:FILE ou virtual.</translation>
    </message>
    <message>
        <source>The voucher template {path} is not valid: {reason}.</source>
        <translation>Le modèle de bon {path} n'est pas valide : {reason}.</translation>
    </message>
</context>
<context>
    <name>voucher</name>
    <message>
        <source>*** REPRINT ***</source>
        <translation>*** RÉIMPRESSION ***</translation>
    </message>
    <message>
        <source>Bill No.</source>
        <translation>N° de facture</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Customer No.</source>
        <translation>N° client</translation>
    </message>
    <message>
        <source>Meter No.</source>
        <translation>N° compteur</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Montant net</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie rendue</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <source>Free basic electricity</source>
        <translation>Électricité de base gratuite</translation>
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
        <source>Credit token</source>
        <translation>Jeton de crédit</translation>
    </message>
    <message>
        <source>Credit written to card</source>
        <translation>Crédit écrit sur la carte</translation>
    </message>
    <message>
        <source>Key change token 1 of 2</source>
        <translation>Jeton de changement de clé 1 sur 2</translation>
    </message>
    <message>
        <source>Key change token 2 of 2</source>
        <translation>Jeton de changement de clé 2 sur 2</translation>
    </message>
    <message>
        <source>Engineering token</source>
        <translation>Jeton technique</translation>
    </message>
    <message>
        <source>Replacement token</source>
        <translation>Jeton de remplacement</translation>
    </message>
    <message>
        <source>Token cancel</source>
        <translation>Annulation de jeton</translation>
    </message>
    <message>
        <source>Energy charge</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <source>VAT 15%</source>
        <translation>TVA 15 %</translation>
    </message>
    <message>
        <source>Debt recovery</source>
        <translation>Recouvrement de dette</translation>
    </message>
    <message>
        <source>Fixed charge</source>
        <translation>Frais fixes</translation>
    </message>
    <message>
        <source>Enter any older tokens first, then the key change tokens in order, then the credit token.</source>
        <translation>Saisissez d'abord les jetons plus anciens, puis les jetons de changement de clé dans l'ordre, puis le jeton de crédit.</translation>
    </message>
</context>
<context>
    <name>printer</name>
    <message>
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <source>test voucher printed on {connection} ({bytes} bytes)</source>
        <translation>bon de test imprimé sur {connection} ({bytes} octets)</translation>
    </message>
    <message>
        <source>printed {path}</source>
        <translation>imprimé {path}</translation>
    </message>
    <message>
        <source>virtual printer listening on {host}:{port}, printing to {out}</source>
        <translation>imprimante virtuelle à l'écoute sur {host}:{port}, impression dans {out}</translation>
    </message>
</context>
</TS>
