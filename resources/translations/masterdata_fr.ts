<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- Names of the master data shown to the customer (payment terms, meter models, charge
     items, tariffs), here the demo utility's. A utility adds its own names the same way:
     the screen and the voucher show the translation, or the name as written when there
     is none (docs/decisions.md, "master data names"). -->
<context>
    <name>masterdata</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Carte bancaire</translation>
    </message>
    <message>
        <source>Mobile money</source>
        <translation>Paiement mobile</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Virement bancaire</translation>
    </message>
    <message>
        <source>Star keypad single phase</source>
        <translation>Star à clavier monophasé</translation>
    </message>
    <message>
        <source>Star keypad three phase</source>
        <translation>Star à clavier triphasé</translation>
    </message>
    <message>
        <source>Star card single phase</source>
        <translation>Star à carte monophasé</translation>
    </message>
    <message>
        <source>Star post-paid single phase</source>
        <translation>Star postpayé monophasé</translation>
    </message>
    <message>
        <source>Monthly service charge</source>
        <translation>Frais de service mensuels</translation>
    </message>
    <message>
        <source>Meter rental</source>
        <translation>Location du compteur</translation>
    </message>
    <message>
        <source>Street lighting levy</source>
        <translation>Taxe d'éclairage public</translation>
    </message>
    <message>
        <source>Yearly grid access fee</source>
        <translation>Frais annuels d'accès au réseau</translation>
    </message>
    <message>
        <source>Registration fee</source>
        <translation>Frais d'inscription</translation>
    </message>
    <message>
        <source>Token cancel fee</source>
        <translation>Frais d'annulation de jeton</translation>
    </message>
    <message>
        <source>Meter replacement fee</source>
        <translation>Frais de remplacement du compteur</translation>
    </message>
    <message>
        <source>Residential step tariff</source>
        <translation>Tarif résidentiel par tranches</translation>
    </message>
    <message>
        <source>Lifeline flat tariff</source>
        <translation>Tarif social unique</translation>
    </message>
    <message>
        <source>Commercial flat tariff</source>
        <translation>Tarif commercial unique</translation>
    </message>
    <message>
        <source>Industrial time of use</source>
        <translation>Tarif industriel horaire</translation>
    </message>
    <message>
        <source>Receivable amount</source>
        <translation>Créance (dette post-payée)</translation>
    </message>
    <message>
        <source>Remain amount returned</source>
        <translation>Reliquat rendu</translation>
    </message>
    <message>
        <source>Debt repaid twice, returned</source>
        <translation>Dette remboursée deux fois, rendue</translation>
    </message>
</context>
</TS>
