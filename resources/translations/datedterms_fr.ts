<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>errors</name>
    <message>
      <source>{what} {code} cannot change from {when}: {count} sales were already priced with it after that. Give a later date, or none to change it from now.</source>
      <translation>{what} {code} ne peut pas changer à partir du {when} : {count} ventes ont déjà été tarifées avec depuis. Donnez une date plus tardive, ou aucune pour le changer dès maintenant.</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>in force</source>
      <translation>en vigueur</translation>
    </message>
  </context>
  <context>
    <name>admin</name>
    <message>
      <source>Prices from</source>
      <translation>Tarifé à partir du</translation>
    </message>
    <message>
      <source>in force</source>
      <translation>en vigueur</translation>
    </message>
    <message>
      <source>Versions</source>
      <translation>Versions</translation>
    </message>
    <message>
      <source>from the start</source>
      <translation>depuis le début</translation>
    </message>
  </context>
</TS>
