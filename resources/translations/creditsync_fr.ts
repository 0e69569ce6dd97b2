<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>status</name>
    <message>
        <source>credit received {time}</source>
        <translation>crédit reçu {time}</translation>
    </message>
    <message>
        <source>⚠ credit block not applied</source>
        <translation>⚠ bloc de crédit non appliqué</translation>
    </message>
    <message>
        <source>credit block waiting</source>
        <translation>bloc de crédit en attente</translation>
    </message>
    <message>
        <source>Credit from the head office ({operator}) applied {time}: module {module} has {balance} kWh.</source>
        <translation>Crédit du siège ({operator}) appliqué {time} : le module {module} a {balance} kWh.</translation>
    </message>
    <message numerus="yes">
        <source>{count} credit blocks from the head office wait: a sale was using the module. They are applied at the next sync.</source>
        <translation>
            <numerusform>{count} bloc de crédit du siège attend : une vente utilisait le module. Il sera appliqué à la prochaine synchro.</numerusform>
            <numerusform>{count} blocs de crédit du siège attendent : une vente utilisait le module. Ils seront appliqués à la prochaine synchro.</numerusform>
        </translation>
    </message>
</context>
</TS>
