<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>tokenui</name>
    <message>
        <source>To pay</source>
        <translation>À payer</translation>
    </message>
    <message>
        <source>{amount} short</source>
        <translation>il manque {amount}</translation>
    </message>
    <message>
        <source>Paid {paid}, change {change}.</source>
        <translation>Payé {paid}, monnaie rendue {change}.</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Pai&amp;d</source>
        <translation>Somme &amp;versée</translation>
    </message>
    <message>
        <source>Pa&amp;yment</source>
        <translation>Mo&amp;yen de paiement</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie rendue</translation>
    </message>
    <message>
        <source>Read from the old meter's &amp;card</source>
        <translation>Lire sur la &amp;carte de l'ancien compteur</translation>
    </message>
    <message>
        <source>&amp;Bill number</source>
        <translation>Numéro de &amp;facture</translation>
    </message>
    <message>
        <source>&amp;Cancel a token…</source>
        <translation>&amp;Annuler un jeton…</translation>
    </message>
    <message>
        <source>&amp;Cancel the token…</source>
        <translation>&amp;Annuler le jeton…</translation>
    </message>
    <message>
        <source>&amp;Cancel the selected sale's token…</source>
        <translation>&amp;Annuler le jeton de la vente choisie…</translation>
    </message>
    <message>
        <source>&amp;Find the sale</source>
        <translation>&amp;Trouver la vente</translation>
    </message>
    <message>
        <source>&amp;Flag for key change</source>
        <translation>&amp;Marquer pour changement de clé</translation>
    </message>
    <message>
        <source>&amp;Key change at the next purchase…</source>
        <translation>&amp;Changement de clé au prochain achat…</translation>
    </message>
    <message>
        <source>&amp;Meter</source>
        <translation>&amp;Compteur</translation>
    </message>
    <message>
        <source>&amp;New meter (from stock)</source>
        <translation>&amp;Nouveau compteur (du stock)</translation>
    </message>
    <message>
        <source>&amp;Old meter</source>
        <translation>&amp;Ancien compteur</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>&amp;Replace a meter…</source>
        <translation>&amp;Remplacer un compteur…</translation>
    </message>
    <message>
        <source>&amp;Replace the meter</source>
        <translation>&amp;Remplacer le compteur</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>&amp;Jetons</translation>
    </message>
    <message>
        <source>&amp;Withdraw the flag</source>
        <translation>&amp;Retirer le marquage</translation>
    </message>
    <message>
        <source>(keep the meter's)</source>
        <translation>(garder celle du compteur)</translation>
    </message>
    <message>
        <source>Cancel the token of sale {bill} for meter {meter}? The customer gets {refund} back and must enter the zero-energy token on the meter.</source>
        <translation>Annuler le jeton de la vente {bill} pour le compteur {meter} ? Le client est remboursé de {refund} et doit saisir le jeton à énergie nulle sur le compteur.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Flagged: key change to {key} at the next purchase.</source>
        <translation>Marqué : changement de clé vers {key} au prochain achat.</translation>
    </message>
    <message>
        <source>For maintenance</source>
        <translation>Pour maintenance</translation>
    </message>
    <message>
        <source>Its key change tokens to {key} are made.</source>
        <translation>Ses jetons de changement de clé vers {key} sont faits.</translation>
    </message>
    <message>
        <source>Key change at the next purchase</source>
        <translation>Changement de clé au prochain achat</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <source>Meter {meter} ({customer}), key: {key}</source>
        <translation>Compteur {meter} ({customer}), clé : {key}</translation>
    </message>
    <message>
        <source>Meter {old} is replaced by {new} (bill {bill}, charges {charges}).</source>
        <translation>Le compteur {old} est remplacé par {new} (facture {bill}, frais {charges}).</translation>
    </message>
    <message>
        <source>New &amp;KRN</source>
        <translation>Nouveau &amp;KRN</translation>
    </message>
    <message>
        <source>New &amp;SGC</source>
        <translation>Nouveau &amp;SGC</translation>
    </message>
    <message>
        <source>New &amp;TI</source>
        <translation>Nouvel &amp;TI</translation>
    </message>
    <message>
        <source>New &amp;base date</source>
        <translation>Nouvelle date de &amp;base</translation>
    </message>
    <message>
        <source>New key &amp;register</source>
        <translation>Nouveau &amp;registre de clé</translation>
    </message>
    <message>
        <source>No key change is waiting.</source>
        <translation>Aucun changement de clé en attente.</translation>
    </message>
    <message>
        <source>Old meter goes &amp;back as</source>
        <translation>L'ancien compteur &amp;retourne en</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Re&amp;mainder energy (kWh)</source>
        <translation>Énergie &amp;restante (kWh)</translation>
    </message>
    <message>
        <source>Refund to the customer</source>
        <translation>Remboursement au client</translation>
    </message>
    <message>
        <source>Remainder token for the new meter ({kwh} kWh): {token}</source>
        <translation>Jeton du reste pour le nouveau compteur ({kwh} kWh) : {token}</translation>
    </message>
    <message>
        <source>Replace a meter</source>
        <translation>Remplacer un compteur</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Sale amount</source>
        <translation>Montant de la vente</translation>
    </message>
    <message>
        <source>Sale {sale} is cancelled (bill {bill}). Pay back {refund}. Zero-energy token for the meter: {token}</source>
        <translation>La vente {sale} est annulée (facture {bill}). Remboursez {refund}. Jeton à énergie nulle pour le compteur : {token}</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Rebut</translation>
    </message>
    <message>
        <source>The secure module refused the zero-energy token: the sale stands. {reason}</source>
        <translation>Le module de sécurité a refusé le jeton à énergie nulle : la vente est maintenue. {reason}</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Token cancel</source>
        <translation>Annulation de jeton</translation>
    </message>
    <message>
        <source>Token cancel charge</source>
        <translation>Frais d'annulation de jeton</translation>
    </message>
    <message>
        <source>Type the meter number and press Enter.</source>
        <translation>Saisissez le numéro du compteur et appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Type the sale's bill number and press Enter.</source>
        <translation>Saisissez le numéro de facture de la vente et appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>cancel a token</source>
        <translation>annuler un jeton</translation>
    </message>
    <message>
        <source>change meter keys</source>
        <translation>changer les clés des compteurs</translation>
    </message>
    <message>
        <source>replace a meter</source>
        <translation>remplacer un compteur</translation>
    </message>
    <message>
        <source>cannot be cancelled</source>
        <translation>ne peut pas être annulée</translation>
    </message>
    <message>
        <source>Type the token, the bill number or the meter and press Enter.</source>
        <translation>Tapez le jeton, le numéro de facture ou le compteur puis Entrée.</translation>
    </message>
    <message>
        <source>&amp;Token, bill or meter</source>
        <translation>&amp;Jeton, facture ou compteur</translation>
    </message>
    <message>
        <source>prepaid</source>
        <translation>prépayé</translation>
    </message>
    <message>
        <source>postpaid</source>
        <translation>post-payé</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Montant</translation>
    </message>
    <message>
        <source>Pay type now</source>
        <translation>Mode de paiement actuel</translation>
    </message>
    <message>
        <source>Change to</source>
        <translation>Passer en</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>Montant préétabli</translation>
    </message>
    <message>
        <source>Receivable still due</source>
        <translation>Créance encore due</translation>
    </message>
    <message>
        <source>Remain still due</source>
        <translation>Reliquat encore dû</translation>
    </message>
    <message>
        <source>The amounts are settled on the meter's next purchase.</source>
        <translation>Les montants sont réglés au prochain achat du compteur.</translation>
    </message>
    <message>
        <source>&amp;Receivable amount (postpaid debt)</source>
        <translation>&amp;Créance (dette post-payée)</translation>
    </message>
    <message>
        <source>&amp;Remain amount (prepaid credit left)</source>
        <translation>&amp;Reliquat (crédit prépayé restant)</translation>
    </message>
    <message>
        <source>Payment change</source>
        <translation>Changement de mode de paiement</translation>
    </message>
    <message>
        <source>Change meter {meter} from {before} to {after}?</source>
        <translation>Passer le compteur {meter} de {before} à {after} ?</translation>
    </message>
    <message>
        <source>Meter {meter} is {mode} now (bill {bill}). Due on its next purchase: prearrange {prearrange}, receivable {receivable}, remain returned {remain}.</source>
        <translation>Le compteur {meter} est maintenant {mode} (facture {bill}). Dû à son prochain achat : avance {prearrange}, créance {receivable}, reliquat rendu {remain}.</translation>
    </message>
    <message>
        <source>Remar&amp;k</source>
        <translation>Remar&amp;que</translation>
    </message>
    <message>
        <source>&amp;Find the meter</source>
        <translation>&amp;Trouver le compteur</translation>
    </message>
    <message>
        <source>&amp;Change the pay type…</source>
        <translation>&amp;Changer le mode de paiement…</translation>
    </message>
    <message>
        <source>&amp;Payment change (prepaid, postpaid)…</source>
        <translation>Changement de mode de &amp;paiement (prépayé, post-payé)…</translation>
    </message>
    <message>
        <source>change a meter's pay type</source>
        <translation>changer le mode de paiement d'un compteur</translation>
    </message>
    <message>
        <source>&amp;Print the bill again</source>
        <translation>Réim&amp;primer la facture</translation>
    </message>
    <message>
        <source>Ban&amp;k</source>
        <translation>Ban&amp;que</translation>
    </message>
    <message>
        <source>C&amp;heque number</source>
        <translation>N° de c&amp;hèque</translation>
    </message>
    <message>
        <source>Remainder for the new meter ({kwh} kWh) is on card {serial}: the customer inserts it in the new meter.</source>
        <translation>Le reliquat pour le nouveau compteur ({kwh} kWh) est sur la carte {serial} : le client l'insère dans le nouveau compteur.</translation>
    </message>
    <message>
        <source>Replace a c&amp;ollided token…</source>
        <translation>Remplacer un jeton en c&amp;ollision…</translation>
    </message>
    <message>
        <source>replace a collided token</source>
        <translation>remplacer un jeton en collision</translation>
    </message>
    <message>
        <source>Replace a collided token</source>
        <translation>Remplacer un jeton en collision</translation>
    </message>
    <message>
        <source>&amp;Bill</source>
        <translation>&amp;Facture</translation>
    </message>
    <message>
        <source>&amp;Issue the replacement</source>
        <translation>&amp;Émettre le remplacement</translation>
    </message>
    <message>
        <source>&amp;Print the voucher</source>
        <translation>&amp;Imprimer le bon</translation>
    </message>
    <message>
        <source>No token of this meter needs a replacement.</source>
        <translation>Aucun jeton de ce compteur n'est à remplacer.</translation>
    </message>
    <message>
        <source>Bill {bill}: {amount}, {kwh} kWh, sold at {terminal}</source>
        <translation>Facture {bill} : {amount}, {kwh} kWh, vendue à {terminal}</translation>
    </message>
    <message>
        <source>Another counter gave this meter the same TID: the meter refuses this token as used. The replacement carries the same energy under a new TID; no money is taken.</source>
        <translation>Un autre comptoir a donné le même TID à ce compteur : le compteur refuse ce jeton comme déjà utilisé. Le remplacement porte la même énergie sous un nouveau TID ; aucun argent n'est encaissé.</translation>
    </message>
    <message>
        <source>Replacement for bill {bill}: {kwh} kWh, token {token}. The customer enters it instead of the refused token.</source>
        <translation>Remplacement de la facture {bill} : {kwh} kWh, jeton {token}. Le client le saisit à la place du jeton refusé.</translation>
    </message>
</context>
</TS>
