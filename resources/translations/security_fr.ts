<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>errors</name>
    <message>
      <source>The books do NOT verify: {count} problem(s), listed above. Keep a copy of the database and tell the administrator; starpos audit verify --json lists every problem.</source>
      <translation>Les comptes NE sont PAS vérifiés : {count} problème(s), listés ci-dessus. Gardez une copie de la base de données et prévenez l'administrateur ; starpos audit verify --json liste chaque problème.</translation>
    </message>
  </context>
  <context>
    <name>audit</name>
    <message>
      <source>Audit entry {entry}: {problem}</source>
      <translation>Entrée d'audit {entry} : {problem}</translation>
    </message>
    <message>
      <source>The ledger agrees with the audit log: {sales} sales and {operations} token operations checked.</source>
      <translation>Le registre concorde avec le journal d'audit : {sales} ventes et {operations} opérations de jetons vérifiées.</translation>
    </message>
    <message>
      <source>{record}: {field} is {ledger} in the ledger but {audited} in the audit log.</source>
      <translation>{record} : {field} vaut {ledger} dans le registre mais {audited} dans le journal d'audit.</translation>
    </message>
    <message>
      <source>The audit log agrees with the anchor of {source} (entry {entry}).</source>
      <translation>Le journal d'audit concorde avec l'ancre de {source} (entrée {entry}).</translation>
    </message>
    <message>
      <source>The audit log disagrees with the anchor of {source}: it anchored entry {entry}, the log holds {entries}. Entries were removed.</source>
      <translation>Le journal d'audit ne concorde pas avec l'ancre de {source} : elle a ancré l'entrée {entry}, le journal en contient {entries}. Des entrées ont été supprimées.</translation>
    </message>
    <message>
      <source>The audit log disagrees with the anchor of {source}: entry {entry} is not the one it anchored. The history was rewritten.</source>
      <translation>Le journal d'audit ne concorde pas avec l'ancre de {source} : l'entrée {entry} n'est pas celle qu'elle a ancrée. L'historique a été réécrit.</translation>
    </message>
    <message>
      <source>{source} holds no audit anchor yet.</source>
      <translation>{source} ne détient encore aucune ancre d'audit.</translation>
    </message>
    <message>
      <source>No secure module was asked: its anchor was not checked.</source>
      <translation>Aucun module de sécurité n'a été interrogé : son ancre n'a pas été vérifiée.</translation>
    </message>
    <message>
      <source>The secure module could not be asked for its anchor: {reason}</source>
      <translation>Le module de sécurité n'a pas pu être interrogé sur son ancre : {reason}</translation>
    </message>
  </context>
  <context>
    <name>login</name>
    <message>
      <source>other users may read it</source>
      <translation>d'autres utilisateurs peuvent le lire</translation>
    </message>
    <message>
      <source>another user owns it</source>
      <translation>un autre utilisateur le possède</translation>
    </message>
    <message>
      <source>it is damaged</source>
      <translation>il est endommagé</translation>
    </message>
    <message>
      <source>Password of operator {operator}: </source>
      <translation>Mot de passe de l'opérateur {operator} : </translation>
    </message>
    <message>
      <source>Operator {operator} logged in until {until} (UTC). starpos logout ends it.</source>
      <translation>Opérateur {operator} connecté jusqu'à {until} (UTC). starpos logout y met fin.</translation>
    </message>
    <message>
      <source>Operator {operator} logged out.</source>
      <translation>Opérateur {operator} déconnecté.</translation>
    </message>
    <message>
      <source>No operator was logged in.</source>
      <translation>Aucun opérateur n'était connecté.</translation>
    </message>
  </context>
</TS>
