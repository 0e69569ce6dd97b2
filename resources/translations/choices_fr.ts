<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>choices</name>
    <message>
      <source>By times (every purchase)</source>
      <translation>Par fois (à chaque achat)</translation>
    </message>
    <message>
      <source>By amount (a percentage)</source>
      <translation>Par montant (un pourcentage)</translation>
    </message>
    <message>
      <source>Monthly</source>
      <translation>Mensuel</translation>
    </message>
    <message>
      <source>Yearly</source>
      <translation>Annuel</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Aucun</translation>
    </message>
    <message>
      <source>Percentage of the amount</source>
      <translation>Pourcentage du montant</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>Espèces</translation>
    </message>
    <message>
      <source>Cheque</source>
      <translation>Chèque</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Carte</translation>
    </message>
    <message>
      <source>Mobile money</source>
      <translation>Mobile money</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>Virement bancaire</translation>
    </message>
    <message>
      <source>Prepaid</source>
      <translation>Prépayé</translation>
    </message>
    <message>
      <source>Postpaid</source>
      <translation>Postpayé</translation>
    </message>
  </context>
  <context>
    <name>admin</name>
    <message>
      <source>Scheduled</source>
      <translation>Prévu</translation>
    </message>
    <message>
      <source>{terms} from {day}</source>
      <translation>{terms} à partir du {day}</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>{terms} from {day}</source>
      <translation>{terms} à partir du {day}</translation>
    </message>
  </context>
</TS>
