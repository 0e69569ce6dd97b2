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
</context>
</TS>
