<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>The virtual card reader {reader} is missing. Install vsmartcard-vpcd (scripts/setup.sh does) and restart the smart card service (pcscd).</source>
        <translation>Le lecteur de cartes virtuel {reader} est absent. Installez vsmartcard-vpcd (scripts/setup.sh le fait) et redémarrez le service de cartes à puce (pcscd).</translation>
    </message>
    <message>
        <source>There is no demo utility in this data folder yet. Run: starpos demo seed</source>
        <translation>Ce dossier de données ne contient pas encore de distributeur de démonstration. Lancez : starpos demo seed</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Card master key of the demo utility created: {path}</source>
        <translation>Clé maîtresse des cartes du distributeur de démonstration créée : {path}</translation>
    </message>
    <message>
        <source>Virtual SUN card {serial} is in the reader {reader} ({state}).</source>
        <translation>La carte SUN virtuelle {serial} est dans le lecteur {reader} ({state}).</translation>
    </message>
    <message>
        <source>It is the card of meter {meter}. In the window, log in as CASH1 (password cash-demo): the counter switches to card mode and sells onto it with Enter.</source>
        <translation>C'est la carte du compteur {meter}. Dans la fenêtre, connectez-vous en CASH1 (mot de passe cash-demo) : le guichet passe en mode carte et vend sur la carte avec Entrée.</translation>
    </message>
    <message>
        <source>It is blank. In the window, log in as ADMIN1 (password admin-demo) and issue it with Cards &gt; Issue a card (Ctrl+Shift+I) to meter {meter}; then log in as CASH1 (password cash-demo) and sell onto it.</source>
        <translation>Elle est vierge. Dans la fenêtre, connectez-vous en ADMIN1 (mot de passe admin-demo) et émettez-la avec Cartes &gt; Émettre une carte (Ctrl+Maj+I) pour le compteur {meter} ; puis connectez-vous en CASH1 (mot de passe cash-demo) et vendez sur la carte.</translation>
    </message>
    <message>
        <source>Press Enter to take the card out or put it back; q and Enter to stop.</source>
        <translation>Appuyez sur Entrée pour retirer la carte ou la remettre ; q puis Entrée pour arrêter.</translation>
    </message>
    <message>
        <source>The card is in the reader.</source>
        <translation>La carte est dans le lecteur.</translation>
    </message>
    <message>
        <source>The card is out of the reader.</source>
        <translation>La carte est sortie du lecteur.</translation>
    </message>
</context>
</TS>
