<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>status</name>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline since {time}</source>
        <translation>hors ligne depuis {time}</translation>
    </message>
    <message>
        <source>Head office: {state}</source>
        <translation>Siège : {state}</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} en attente</translation>
    </message>
    <message>
        <source>last sync {time}</source>
        <translation>dernière synchro {time}</translation>
    </message>
    <message>
        <source>Card no longer valid</source>
        <translation>Carte plus valable</translation>
    </message>
    <message>
        <source>The head office kept another card for the meter, so the card this counter issued no longer counts. A sale on it is refused: ask the customer for the meter's current card.</source>
        <translation>Le siège a retenu une autre carte pour le compteur : la carte émise à ce guichet ne compte plus. Une vente sur cette carte est refusée : demandez au client la carte actuelle du compteur.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ {count} cards no longer valid</source>
        <translation>
            <numerusform>⚠ {count} carte n'est plus valable</numerusform>
            <numerusform>⚠ {count} cartes ne sont plus valables</numerusform>
        </translation>
    </message>
    <message>
        <source>Cards no longer valid (the head office kept another):</source>
        <translation>Cartes plus valables (le siège en a retenu une autre) :</translation>
    </message>
    <message>
        <source>Meter {meter}: the card of issue {issue}</source>
        <translation>Compteur {meter} : la carte d'émission {issue}</translation>
    </message>
</context>
</TS>
