<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- The administration on a counter enrolled with a head office: read only, and why (decision BO-28, issue 12). -->
<context>
    <name>admin</name>
    <message>
        <source>This counter belongs to the head office at {server}, which owns the master data: these screens only show it. Make changes in the head office's back office; they reach this counter at the next sync.</source>
        <translation>Ce comptoir appartient au siège {server}, qui détient les données de base : ces écrans ne font que les afficher. Faites les modifications dans l'administration du siège ; elles arrivent sur ce comptoir à la prochaine synchronisation.</translation>
    </message>
</context>
</TS>
