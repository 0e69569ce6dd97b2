<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>The card reader reported an error ({pcsc}). Check the reader and try again.</source>
        <translation>Le lecteur de cartes a signalé une erreur ({pcsc}). Vérifiez le lecteur et réessayez.</translation>
    </message>
    <message>
        <source>The smart card service (pcscd) is not running ({pcsc}). Start the smart card service and try again.</source>
        <translation>Le service de cartes à puce (pcscd) ne fonctionne pas ({pcsc}). Démarrez le service de cartes à puce et réessayez.</translation>
    </message>
    <message>
        <source>No card reader {reader} was found ({pcsc}). Plug in the card reader or choose another one in the settings.</source>
        <translation>Le lecteur de cartes {reader} est introuvable ({pcsc}). Branchez le lecteur ou choisissez-en un autre dans les paramètres.</translation>
    </message>
    <message>
        <source>No card reader is connected ({pcsc}). Plug in the card reader and try again.</source>
        <translation>Aucun lecteur de cartes n'est branché ({pcsc}). Branchez le lecteur et réessayez.</translation>
    </message>
    <message>
        <source>There is no card in the reader {reader} ({pcsc}). Insert the customer's card.</source>
        <translation>Il n'y a pas de carte dans le lecteur {reader} ({pcsc}). Insérez la carte du client.</translation>
    </message>
    <message>
        <source>The card was removed from the reader {reader} during the operation ({pcsc}). Insert the card again and repeat the operation.</source>
        <translation>La carte a été retirée du lecteur {reader} pendant l'opération ({pcsc}). Réinsérez la carte et recommencez l'opération.</translation>
    </message>
    <message>
        <source>The card in the reader is not a StarPOS electricity card (card answered {sw}). Use a card issued by the utility.</source>
        <translation>La carte dans le lecteur n'est pas une carte d'électricité StarPOS (réponse de la carte : {sw}). Utilisez une carte émise par le distributeur.</translation>
    </message>
    <message>
        <source>This card is blank: it is not bound to any meter. Issue the card to a meter first.</source>
        <translation>Cette carte est vierge : elle n'est associée à aucun compteur. Associez d'abord la carte à un compteur.</translation>
    </message>
    <message>
        <source>This card is already bound to meter {meter}. Blank the card before issuing it again.</source>
        <translation>Cette carte est déjà associée au compteur {meter}. Effacez la carte avant de l'émettre à nouveau.</translation>
    </message>
    <message>
        <source>This card belongs to meter {card_meter}, not to meter {meter}. Use the card issued for this meter.</source>
        <translation>Cette carte appartient au compteur {card_meter}, pas au compteur {meter}. Utilisez la carte émise pour ce compteur.</translation>
    </message>
    <message>
        <source>The {record} data on the card failed its security check and was not accepted. The card may have been altered or belong to another utility; report it to a supervisor.</source>
        <translation>Les données {record} de la carte ont échoué au contrôle de sécurité et ont été refusées. La carte a peut-être été modifiée ou appartient à un autre distributeur ; signalez-la à un superviseur.</translation>
    </message>
    <message>
        <source>This card is locked (card answered {sw}) and can no longer be used. Issue a replacement card.</source>
        <translation>Cette carte est bloquée (réponse de la carte : {sw}) et ne peut plus être utilisée. Émettez une carte de remplacement.</translation>
    </message>
    <message>
        <source>This card (issue {issue}) has been replaced by a newer card (issue {current}) and is refused. Use the newest card.</source>
        <translation>Cette carte (émission {issue}) a été remplacée par une carte plus récente (émission {current}) et est refusée. Utilisez la carte la plus récente.</translation>
    </message>
    <message>
        <source>The card refused the command {command} (card answered {sw}). Take the card out, insert it again and retry.</source>
        <translation>La carte a refusé la commande {command} (réponse de la carte : {sw}). Retirez la carte, réinsérez-la et réessayez.</translation>
    </message>
    <message>
        <source>The card did not read back what was written to its {record} file. Insert the card again and read it before selling again.</source>
        <translation>La relecture du fichier {record} de la carte ne correspond pas à ce qui a été écrit. Réinsérez la carte et lisez-la avant de vendre à nouveau.</translation>
    </message>
    <message>
        <source>The card master key file {path} cannot be used: {reason}. Ask the installer to set up the utility card key.</source>
        <translation>Le fichier de clé maître des cartes {path} est inutilisable : {reason}. Demandez à l'installateur de configurer la clé des cartes du distributeur.</translation>
    </message>
    <message>
        <source>The card still carries {energy} kWh (purchase {sequence}) that the meter has not loaded yet. Ask the customer to insert the card in the meter first, or add the new purchase to it.</source>
        <translation>La carte porte encore {energy} kWh (achat {sequence}) que le compteur n'a pas encore chargés. Demandez au client d'insérer d'abord la carte dans le compteur, ou ajoutez le nouvel achat à ce crédit.</translation>
    </message>
    <message>
        <source>This card is not a customer card (kind: {kind}), and meters load credit only from customer cards. Sell on the customer's own card.</source>
        <translation>Cette carte n'est pas une carte client (type : {kind}) et les compteurs ne chargent du crédit que depuis les cartes client. Vendez sur la carte du client.</translation>
    </message>
    <message>
        <source>The virtual meter state file {path} cannot be read: {reason}. Create the meter with 'starpos card meter --state FILE init'.</source>
        <translation>Le fichier d'état du compteur virtuel {path} est illisible : {reason}. Créez le compteur avec 'starpos card meter --state FICHIER init'.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>card present</source>
        <translation>carte présente</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>Card master key written to {path} (check value {kcv}).</source>
        <translation>Clé maître des cartes écrite dans {path} (valeur de contrôle {kcv}).</translation>
    </message>
</context>
</TS>
