<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- Operator roles with the permission matrix (manual 2.5) and numbering rules (manual 2.13)
     in the administration window (issue 12); their refusals and terms. -->
<context>
    <name>admin</name>
    <message>
        <source>&amp;Code *</source>
        <translation>&amp;Code *</translation>
    </message>
    <message>
        <source>&amp;Permissions</source>
        <translation>&amp;Permissions</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>A bill number is its fields followed by the serial. A changed rule never renumbers a bill: a new prefix starts its own serial.</source>
        <translation>Un numéro de bon est fait de ses champs suivis du numéro de série. Une règle modifiée ne renumérote jamais un bon : un nouveau préfixe commence sa propre série.</translation>
    </message>
    <message>
        <source>Bill type</source>
        <translation>Type de bon</translation>
    </message>
    <message>
        <source>Delete the operator role {code}?</source>
        <translation>Supprimer le rôle d'opérateur {code} ?</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>In &amp;use</source>
        <translation>En &amp;service</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>New operator role</source>
        <translation>Nouveau rôle d'opérateur</translation>
    </message>
    <message>
        <source>Numbering of {bill} bills</source>
        <translation>Numérotation des bons de {bill}</translation>
    </message>
    <message>
        <source>Numbering rules</source>
        <translation>Règles de numérotation</translation>
    </message>
    <message>
        <source>Operator role {code}</source>
        <translation>Rôle d'opérateur {code}</translation>
    </message>
    <message>
        <source>Operator roles</source>
        <translation>Rôles d'opérateur</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Droits</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Remise à zéro</translation>
    </message>
    <message>
        <source>S&amp;tart number</source>
        <translation>Numéro de &amp;départ</translation>
    </message>
    <message>
        <source>Sample number</source>
        <translation>Exemple de numéro</translation>
    </message>
    <message>
        <source>Sample number: {number}</source>
        <translation>Exemple de numéro : {number}</translation>
    </message>
    <message>
        <source>Serial &amp;digits</source>
        <translation>&amp;Chiffres de la série</translation>
    </message>
    <message>
        <source>Serial &amp;restarts</source>
        <translation>La série &amp;repart</translation>
    </message>
    <message>
        <source>Serial digits</source>
        <translation>Chiffres de la série</translation>
    </message>
    <message>
        <source>Text, or length of a code (empty: all)</source>
        <translation>Texte, ou longueur d'un code (vide : en entier)</translation>
    </message>
    <message>
        <source>The length of field {row} is not a whole number: {text}</source>
        <translation>La longueur du champ {row} n'est pas un nombre entier : {text}</translation>
    </message>
    <message>
        <source>Type the role's code.</source>
        <translation>Saisissez le code du rôle.</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>agence</translation>
    </message>
    <message>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>chaque mois</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>chaque année</translation>
    </message>
    <message>
        <source>fixed text</source>
        <translation>texte fixe</translation>
    </message>
    <message>
        <source>general</source>
        <translation>général</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>sales point</source>
        <translation>point de vente</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>terminal</translation>
    </message>
    <message>
        <source>year (2026)</source>
        <translation>année (2026)</translation>
    </message>
    <message>
        <source>year (26)</source>
        <translation>année (26)</translation>
    </message>
    <message>
        <source>{granted} of {total}</source>
        <translation>{granted} sur {total}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Each counter numbers its {bill_type} bills in its own store, and a sales point has several terminals: add the terminal field, or two counters will make the same numbers.</source>
        <translation>Chaque guichet numérote ses bons de {bill_type} dans sa propre base, et un point de vente a plusieurs terminaux : ajoutez le champ terminal, sinon deux guichets feront les mêmes numéros.</translation>
    </message>
    <message>
        <source>A {bill_type} number could be {length} characters long with the codes in use; a bill number holds at most {maximum}. Remove a field, give a code field a length, or use fewer serial digits.</source>
        <translation>Un numéro de bon de {bill_type} pourrait compter {length} caractères avec les codes utilisés ; un numéro de bon en contient au plus {maximum}. Retirez un champ, donnez une longueur à un champ de code ou utilisez moins de chiffres de série.</translation>
    </message>
    <message>
        <source>Field {position} is a fixed text without its text: type it (letters or digits), or choose another field.</source>
        <translation>Le champ {position} est un texte fixe sans texte : saisissez-le (lettres ou chiffres), ou choisissez un autre champ.</translation>
    </message>
    <message>
        <source>Without the permission to edit operators and roles in {role}, nobody who may log in could edit operators any more: keep it, or give it to another operator first.</source>
        <translation>Sans le droit de modifier les opérateurs et les rôles dans {role}, plus personne pouvant se connecter ne pourrait modifier les opérateurs : gardez-le, ou donnez-le d'abord à un autre opérateur.</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>sale</source>
        <translation>vente</translation>
    </message>
    <message>
        <source>stock in</source>
        <translation>entrée en stock</translation>
    </message>
    <message>
        <source>stock out</source>
        <translation>sortie de stock</translation>
    </message>
    <message>
        <source>meter replacement</source>
        <translation>remplacement de compteur</translation>
    </message>
    <message>
        <source>contract cancellation</source>
        <translation>résiliation de contrat</translation>
    </message>
    <message>
        <source>token cancel</source>
        <translation>annulation de jeton</translation>
    </message>
    <message>
        <source>payment change</source>
        <translation>changement de mode de paiement</translation>
    </message>
    <message>
        <source>serial digits</source>
        <translation>chiffres de la série</translation>
    </message>
    <message>
        <source>start number</source>
        <translation>numéro de départ</translation>
    </message>
    <message>
        <source>length</source>
        <translation>longueur</translation>
    </message>
    <message>
        <source>numbering rule</source>
        <translation>règle de numérotation</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>At the counter</source>
        <translation>Au guichet</translation>
    </message>
    <message>
        <source>Cash, shifts and reports</source>
        <translation>Caisse, postes et rapports</translation>
    </message>
    <message>
        <source>Customers and meters</source>
        <translation>Clients et compteurs</translation>
    </message>
    <message>
        <source>Tokens and keys</source>
        <translation>Jetons et clés</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
</context>
</TS>
