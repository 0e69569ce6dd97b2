<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- Region levels and the region tree: the core, the commands and the screen (manual 1.2-1.3, issue 12). -->
<context>
    <name>admin</name>
    <message>
        <source>Regions</source>
        <translation>Régions</translation>
    </message>
    <message>
        <source>Region levels</source>
        <translation>Niveaux de région</translation>
    </message>
    <message>
        <source>Region levels: {levels}</source>
        <translation>Niveaux de région : {levels}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Level {level}</source>
        <translation>Niveau {level}</translation>
    </message>
    <message>
        <source>Level &amp;{level}</source>
        <translation>Niveau &amp;{level}</translation>
    </message>
    <message>
        <source>Number of &amp;levels</source>
        <translation>Nombre de &amp;niveaux</translation>
    </message>
    <message>
        <source>&amp;In region</source>
        <translation>&amp;Dans la région</translation>
    </message>
    <message>
        <source>— none (a level-1 region)</source>
        <translation>— aucune (région de niveau 1)</translation>
    </message>
    <message>
        <source>New region</source>
        <translation>Nouvelle région</translation>
    </message>
    <message>
        <source>Region {code}</source>
        <translation>Région {code}</translation>
    </message>
    <message>
        <source>{count} regions</source>
        <translation>{count} régions</translation>
    </message>
    <message>
        <source>&amp;Levels (F4)</source>
        <translation>&amp;Niveaux (F4)</translation>
    </message>
    <message>
        <source>A part of a region's code or name</source>
        <translation>Une partie du code ou du nom d'une région</translation>
    </message>
    <message>
        <source>Delete region {code} ({name})?</source>
        <translation>Supprimer la région {code} ({name}) ?</translation>
    </message>
    <message>
        <source>A region's level follows from the region it is in; a region moves with the regions under it.</source>
        <translation>Le niveau d'une région découle de la région qui la contient ; une région se déplace avec les régions qu'elle contient.</translation>
    </message>
    <message>
        <source>Fewer levels than a region is at are refused: move or delete those regions first.</source>
        <translation>Moins de niveaux que celui d'une région existante est refusé : déplacez ou supprimez d'abord ces régions.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Region levels: {levels}</source>
        <translation>Niveaux de région : {levels}</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(pas encore de nom)</translation>
    </message>
    <message>
        <source>No regions yet.</source>
        <translation>Aucune région pour l'instant.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Region level {level} has no name yet. Name the level first.</source>
        <translation>Le niveau de région {level} n'a pas encore de nom. Nommez d'abord ce niveau.</translation>
    </message>
    <message>
        <source>Region {code} cannot be at level {level}: the system has {levels} region levels. Choose a parent at a higher level.</source>
        <translation>La région {code} ne peut pas être au niveau {level} : le système a {levels} niveaux de région. Choisissez une région parente d'un niveau supérieur.</translation>
    </message>
    <message>
        <source>Region {code} cannot move under {parent}: {parent} is {code} or a region under it.</source>
        <translation>La région {code} ne peut pas être déplacée sous {parent} : {parent} est {code} ou une région qu'elle contient.</translation>
    </message>
    <message>
        <source>Save the system parameters (company and currency) first.</source>
        <translation>Enregistrez d'abord les paramètres système (société et devise).</translation>
    </message>
    <message>
        <source>The system cannot have {levels} region levels: {count} regions are at level {level}. Move or delete them first.</source>
        <translation>Le système ne peut pas avoir {levels} niveaux de région : {count} régions sont au niveau {level}. Déplacez-les ou supprimez-les d'abord.</translation>
    </message>
    <message>
        <source>There is no region level {level}: the system has {levels} (1 to {levels}).</source>
        <translation>Il n'y a pas de niveau de région {level} : le système en a {levels} (1 à {levels}).</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>Region levels</source>
        <translation>Niveaux de région</translation>
    </message>
    <message>
        <source>branches</source>
        <translation>agences</translation>
    </message>
    <message>
        <source>give a number from 1 to 5.</source>
        <translation>indiquez un nombre de 1 à 5.</translation>
    </message>
    <message>
        <source>it is too long.</source>
        <translation>il est trop long.</translation>
    </message>
    <message>
        <source>regions</source>
        <translation>régions</translation>
    </message>
    <message>
        <source>regions under it</source>
        <translation>régions qu'elle contient</translation>
    </message>
</context>
</TS>
