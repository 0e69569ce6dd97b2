<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>errors</name>
    <message>
      <source>The sale could not be priced.</source>
      <translation>La vente n'a pas pu être tarifée.</translation>
    </message>
    <message>
      <source>The amount {amount} is not a valid amount in this currency: it must not be negative and may have at most {decimals} decimal places.</source>
      <translation>Le montant {amount} n'est pas un montant valide dans cette devise : il ne doit pas être négatif et peut avoir au plus {decimals} décimales.</translation>
    </message>
    <message>
      <source>The net amount {net} is too small: after the charges and debt due on this sale it leaves nothing to buy energy with; ask for at least {minimum}.</source>
      <translation>Le montant net {net} est trop faible : après les frais et la dette dus sur cette vente, il ne reste rien pour acheter de l'énergie ; demandez au moins {minimum}.</translation>
    </message>
    <message>
      <source>{kwh} kWh is more than one token can carry (at most {maximum} kWh); sell a smaller amount and vend the rest on another token.</source>
      <translation>{kwh} kWh dépasse ce qu'un jeton peut porter (au plus {maximum} kWh) ; vendez un montant plus petit et le reste sur un autre jeton.</translation>
    </message>
    <message>
      <source>The tariff {tariff} has no version in force on {when}; ask an administrator to give the tariff a price that starts on or before that date.</source>
      <translation>Le tarif {tariff} n'a aucune version en vigueur le {when} ; demandez à un administrateur de lui donner un prix qui commence à cette date ou avant.</translation>
    </message>
    <message>
      <source>The pricing setting {name} is not valid: {reason}. Ask an administrator to fix it.</source>
      <translation>Le paramètre de tarification {name} n'est pas valide : {reason}. Demandez à un administrateur de le corriger.</translation>
    </message>
    <message>
      <source>The energy {kwh} kWh is not valid: ask for a positive number of kWh.</source>
      <translation>L'énergie {kwh} kWh n'est pas valide : demandez un nombre de kWh positif.</translation>
    </message>
  </context>
  <context>
    <name>pricing</name>
    <message>
      <source>Amount</source>
      <translation>Montant</translation>
    </message>
    <message>
      <source>Taxed charges</source>
      <translation>Frais taxés</translation>
    </message>
    <message>
      <source>Untaxed charges</source>
      <translation>Frais non taxés</translation>
    </message>
    <message>
      <source>VAT</source>
      <translation>TVA</translation>
    </message>
    <message>
      <source>Debt repayment</source>
      <translation>Remboursement de dette</translation>
    </message>
    <message>
      <source>Pre-installed amount</source>
      <translation>Montant préinstallé</translation>
    </message>
    <message>
      <source>Prearrange amount</source>
      <translation>Montant préétabli</translation>
    </message>
    <message>
      <source>Net amount</source>
      <translation>Montant net</translation>
    </message>
    <message>
      <source>Energy bought (kWh)</source>
      <translation>Énergie achetée (kWh)</translation>
    </message>
    <message>
      <source>Free basic electricity (kWh)</source>
      <translation>Électricité de base gratuite (kWh)</translation>
    </message>
    <message>
      <source>Token energy (kWh)</source>
      <translation>Énergie du jeton (kWh)</translation>
    </message>
    <message>
      <source>The net amount is above the warn amount: confirm it before vending.</source>
      <translation>Le montant net dépasse le montant d'alerte : confirmez-le avant de vendre.</translation>
    </message>
  </context>
</TS>
