<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>errors</name>
    <message>
      <source>{text} is not a number. Type digits 0-9 with at most one '.' before the decimals, like 12.5.</source>
      <translation>{text} n'est pas un nombre. Tapez des chiffres 0-9 avec au plus un « . » avant les décimales, par exemple 12.5.</translation>
    </message>
    <message>
      <source>{text} is not an amount. Type digits 0-9 with at most one '.' before the decimals, like 25.00.</source>
      <translation>{text} n'est pas un montant. Tapez des chiffres 0-9 avec au plus un « . » avant les décimales, par exemple 25.00.</translation>
    </message>
    <message>
      <source>{text} is not an amount of energy. Type kWh in digits 0-9 in steps of 0.1 kWh, like 12.5.</source>
      <translation>{text} n'est pas une quantité d'énergie. Tapez les kWh en chiffres 0-9, par pas de 0.1 kWh, par exemple 12.5.</translation>
    </message>
    <message>
      <source>{text} kWh is finer than the meters count: energy goes in steps of 0.1 kWh.</source>
      <translation>{text} kWh est plus fin que ce que comptent les compteurs : l'énergie va par pas de 0.1 kWh.</translation>
    </message>
    <message>
      <source>{text} is not a whole number. Type digits 0-9 only, like 10.</source>
      <translation>{text} n'est pas un nombre entier. Tapez seulement des chiffres 0-9, par exemple 10.</translation>
    </message>
    <message>
      <source>{text} has too many decimals: at most {decimals} are allowed here.</source>
      <translation>{text} a trop de décimales : {decimals} au plus sont permises ici.</translation>
    </message>
    <message>
      <source>{text} is out of range: give a number from {minimum} to {maximum}.</source>
      <translation>{text} est hors limites : donnez un nombre de {minimum} à {maximum}.</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>internal error ({kind}); the error log could not be written either ({reason})</source>
      <translation>erreur interne ({kind}) ; le journal des erreurs n'a pas pu être écrit non plus ({reason})</translation>
    </message>
  </context>
</TS>
