<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Non</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Oui</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>breakdown</name>
    <message>
        <source>Debt repayment</source>
        <translation>Remboursement de la dette</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Montant net</translation>
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
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Vending amount</source>
        <translation>Montant de la vente</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Choose a default amount (F1-F8) or type the amount the customer pays.</source>
        <translation>Choisissez un montant par défaut (F1-F8) ou tapez le montant que paie le client.</translation>
    </message>
    <message>
        <source>PySide6 {version} is installed, and it corrupts Python {python}'s memory (the app would crash within minutes). Install another version: pip install 'PySide6-Essentials&gt;=6.7,&lt;6.12'.</source>
        <translation>PySide6 {version} est installé et corrompt la mémoire de Python {python} (l'application planterait en quelques minutes). Installez une autre version : pip install 'PySide6-Essentials&gt;=6.7,&lt;6.12'.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>The customer paid {paid}, less than the {net} to pay. Take the full amount first.</source>
        <translation>Le client a payé {paid}, moins que les {net} à payer. Encaissez d'abord le montant complet.</translation>
    </message>
    <message>
        <source>The meter number {number} is not right: its check digit does not match the other digits, so a digit was probably mistyped. Read the number again from the meter or the customer's card.</source>
        <translation>Le numéro de compteur {number} n'est pas correct : son chiffre de contrôle ne correspond pas aux autres chiffres, un chiffre a sans doute été mal tapé. Relisez le numéro sur le compteur ou sur la carte du client.</translation>
    </message>
    <message>
        <source>There is no sale with the bill number {bill}.</source>
        <translation>Il n'y a aucune vente avec le numéro de facture {bill}.</translation>
    </message>
    <message>
        <source>There is no voucher to reprint yet in this shift.</source>
        <translation>Il n'y a encore aucun bon à réimprimer dans ce service.</translation>
    </message>
    <message>
        <source>Type or scan the meter number first.</source>
        <translation>Tapez ou scannez d'abord le numéro de compteur.</translation>
    </message>
    <message>
        <source>{name} is blacklisted: {reason}. No credit can be sold to this meter; send the customer to the office.</source>
        <translation>{name} est sur liste noire : {reason}. Aucun crédit ne peut être vendu pour ce compteur ; envoyez le client au bureau.</translation>
    </message>
    <message>
        <source>{text} is not an amount. Type digits with at most {decimals} decimals, for example {example}.</source>
        <translation>{text} n'est pas un montant. Tapez des chiffres avec au plus {decimals} décimales, par exemple {example}.</translation>
    </message>
    <message>
        <source>Meter {number} is a smart card meter: its credit goes onto the customer's card, not into a token. Insert the customer's card in the reader to sell to it.</source>
        <translation>Le compteur {number} est un compteur à carte : son crédit va sur la carte du client, pas dans un jeton. Insérez la carte du client dans le lecteur pour lui vendre.</translation>
    </message>
    <message>
        <source>The customer could not be looked up. Type the number again; if it happens again, send the report to your support contact.</source>
        <translation>Le client n'a pas pu être recherché. Tapez à nouveau le numéro ; si cela se reproduit, envoyez le rapport à votre support.</translation>
    </message>
    <message>
        <source>You do not have the {permission} permission. Ask an operator who has it, or an administrator to give it to you.</source>
        <translation>Vous n'avez pas le droit « {permission} ». Demandez à un opérateur qui l'a, ou à un administrateur de vous le donner.</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>Load the demo utility</source>
        <translation>Charger la démonstration</translation>
    </message>
    <message>
        <source>Loading the demo utility… this takes a minute.</source>
        <translation>Chargement de la démonstration… cela prend une minute.</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Commencer à vide</translation>
    </message>
    <message>
        <source>This database is empty. Load the demo utility to try StarPOS: a company, sales points, tariffs, operators and 1,000 customers with their meters. Log in as STAR with the password star (you will choose a new one).</source>
        <translation>Cette base de données est vide. Chargez la compagnie de démonstration pour essayer StarPOS : une société, des points de vente, des tarifs, des opérateurs et 1 000 clients avec leurs compteurs. Connectez-vous en tant que STAR avec le mot de passe star (vous en choisirez un nouveau).</translation>
    </message>
    <message>
        <source>Welcome to StarPOS</source>
        <translation>Bienvenue dans StarPOS</translation>
    </message>
</context>
<context>
    <name>funnel</name>
    <message>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <source>Something went wrong inside StarPOS. Your data is safe. Copy the report below and send it to your support contact. It is also saved in {path}.</source>
        <translation>Une erreur interne est survenue dans StarPOS. Vos données sont intactes. Copiez le rapport ci-dessous et envoyez-le à votre support. Il est aussi enregistré dans {path}.</translation>
    </message>
    <message>
        <source>StarPOS</source>
        <translation>StarPOS</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>The counter is locked by {name} ({code}). Type the password to unlock.</source>
        <translation>Le guichet est verrouillé par {name} ({code}). Tapez le mot de passe pour déverrouiller.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>The password is wrong. Type the password of {name} again.</source>
        <translation>Le mot de passe est faux. Tapez à nouveau le mot de passe de {name}.</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Operator code</source>
        <translation>Code opérateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>StarPOS counter</source>
        <translation>Guichet StarPOS</translation>
    </message>
    <message>
        <source>StarPOS — log in</source>
        <translation>StarPOS — connexion</translation>
    </message>
</context>
<context>
    <name>password</name>
    <message>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Confirmer le nouveau mot de passe</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same one twice.</source>
        <translation>Les deux nouveaux mots de passe diffèrent. Tapez le même deux fois.</translation>
    </message>
    <message>
        <source>This is your first login: choose a new password to continue.</source>
        <translation>C'est votre première connexion : choisissez un nouveau mot de passe pour continuer.</translation>
    </message>
    <message>
        <source>Type the new password.</source>
        <translation>Tapez le nouveau mot de passe.</translation>
    </message>
    <message>
        <source>Type your current password once and the new one twice.</source>
        <translation>Tapez votre mot de passe actuel une fois et le nouveau deux fois.</translation>
    </message>
    <message>
        <source>A new password has at least {minimum} characters, and is neither your operator code nor your current password.</source>
        <translation>Un nouveau mot de passe a au moins {minimum} caractères, et n'est ni votre code opérateur ni votre mot de passe actuel.</translation>
    </message>
</context>
<context>
    <name>pos</name>
    <message>
        <source>&amp;Counter</source>
        <translation>&amp;Guichet</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>BLACKLISTED: {reason}</source>
        <translation>LISTE NOIRE : {reason}</translation>
    </message>
    <message>
        <source>Bill {bill} · meter {meter} · {name} · {kwh} kWh</source>
        <translation>Facture {bill} · compteur {meter} · {name} · {kwh} kWh</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie rendue</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Changer le mot de passe…</translation>
    </message>
    <message>
        <source>Check the amount</source>
        <translation>Vérifiez le montant</translation>
    </message>
    <message>
        <source>Copy token (Ctrl+Shift+C)</source>
        <translation>Copier le jeton (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>Dette</translation>
    </message>
    <message>
        <source>F1-F8 or type an amount</source>
        <translation>F1-F8 ou tapez un montant</translation>
    </message>
    <message>
        <source>Installer settings…</source>
        <translation>Réglages de l'installateur…</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Dernier achat</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>Verrouiller l'écran</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Meter model</source>
        <translation>Modèle de compteur</translation>
    </message>
    <message>
        <source>Meter number</source>
        <translation>Numéro de compteur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Montant net</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Preview last voucher</source>
        <translation>Aperçu du dernier bon</translation>
    </message>
    <message>
        <source>Previous sale</source>
        <translation>Vente précédente</translation>
    </message>
    <message>
        <source>Pricing…</source>
        <translation>Calcul du prix…</translation>
    </message>
    <message>
        <source>Printing the voucher…</source>
        <translation>Impression du bon…</translation>
    </message>
    <message>
        <source>Reprint last voucher</source>
        <translation>Réimprimer le dernier bon</translation>
    </message>
    <message>
        <source>StarPOS — counter</source>
        <translation>StarPOS — guichet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>The breakdown shows here once the meter and amount are in.</source>
        <translation>Le détail s'affiche ici dès que le compteur et le montant sont saisis.</translation>
    </message>
    <message>
        <source>The token appears here after the vend.</source>
        <translation>Le jeton s'affiche ici après la vente.</translation>
    </message>
    <message>
        <source>The voucher did not print. The sale is kept: reprint it (Ctrl+R).</source>
        <translation>Le bon ne s'est pas imprimé. La vente est conservée : réimprimez-le (Ctrl+R).</translation>
    </message>
    <message>
        <source>This is more than the usual amount. Check it twice.</source>
        <translation>C'est plus que le montant habituel. Vérifiez-le deux fois.</translation>
    </message>
    <message>
        <source>This shift's vends</source>
        <translation>Ventes de ce service</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Type or scan the meter number</source>
        <translation>Tapez ou scannez le numéro de compteur</translation>
    </message>
    <message>
        <source>Vend (Enter)</source>
        <translation>Vendre (Entrée)</translation>
    </message>
    <message>
        <source>Vending… please wait for the token.</source>
        <translation>Vente en cours… attendez le jeton.</translation>
    </message>
    <message>
        <source>Voucher printed.</source>
        <translation>Bon imprimé.</translation>
    </message>
    <message>
        <source>Voucher {bill}</source>
        <translation>Bon {bill}</translation>
    </message>
    <message>
        <source>installer settings</source>
        <translation>réglages de l'installateur</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>aucune raison enregistrée</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l'instant</translation>
    </message>
    <message>
        <source>reprint</source>
        <translation>réimpression</translation>
    </message>
    <message>
        <source>same as the net amount</source>
        <translation>identique au montant net</translation>
    </message>
    <message>
        <source>{kwh} kWh</source>
        <translation>{kwh} kWh</translation>
    </message>
    <message>
        <source>{net} is more than the usual amount. Sell it to {name}?</source>
        <translation>{net} est plus que le montant habituel. Le vendre à {name} ?</translation>
    </message>
    <message>
        <source>✔ Check digit correct</source>
        <translation>✔ Chiffre de contrôle correct</translation>
    </message>
    <message>
        <source>A meter number has 11, 13 or 18 digits.</source>
        <translation>Un numéro de compteur a 11, 13 ou 18 chiffres.</translation>
    </message>
    <message>
        <source>{count} digits typed: a meter number has 11, 13 or 18 digits.</source>
        <translation>{count} chiffres tapés : un numéro de compteur a 11, 13 ou 18 chiffres.</translation>
    </message>
    <message>
        <source>Active, but no credit can be sold to this meter</source>
        <translation>Actif, mais aucun crédit ne peut être vendu à ce compteur</translation>
    </message>
    <message>
        <source>Nothing was sold: the customer and the breakdown are not shown yet. Press Enter again once they are.</source>
        <translation>Rien n'a été vendu : le client et le détail ne sont pas encore affichés. Appuyez à nouveau sur Entrée quand ils le sont.</translation>
    </message>
    <message>
        <source>Paid {paid} · Change {change}</source>
        <translation>Payé {paid} · Monnaie rendue {change}</translation>
    </message>
    <message>
        <source>The sale was made after all (found when the module came back): hand over this token.</source>
        <translation>La vente a bien été faite (retrouvée au retour du module) : remettez ce jeton.</translation>
    </message>
    <message>
        <source>The voucher of sale {bill} was reprinted.</source>
        <translation>Le bon de la vente {bill} a été réimprimé.</translation>
    </message>
    <message>
        <source>Voucher reprinted.</source>
        <translation>Bon réimprimé.</translation>
    </message>
    <message>
        <source>Active. KEY CHANGE: this sale prints {count} key change tokens before the credit token; the customer enters them first, in the printed order.</source>
        <translation>Actif. CHANGEMENT DE CLÉ : cette vente imprime {count} jetons de changement de clé avant le jeton de crédit ; le client les saisit d'abord, dans l'ordre imprimé.</translation>
    </message>
    <message>
        <source>Active. TOKEN TO REPLACE (another counter gave its TID):</source>
        <translation>Actif. JETON À REMPLACER (un autre comptoir a donné son TID) :</translation>
    </message>
    <message>
        <source>bill {bill}: {amount}, {energy} kWh, sold at {terminal}, which issues its replacement (Tokens &gt; Replace a collided token)</source>
        <translation>facture {bill} : {amount}, {energy} kWh, vendue à {terminal}, qui émet son remplacement (Jetons &gt; Remplacer un jeton en collision)</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Open the cash drawer on cash sales</source>
        <translation>Ouvrir le tiroir-caisse pour les ventes en espèces</translation>
    </message>
    <message>
        <source>Paper width (mm)</source>
        <translation>Largeur du papier (mm)</translation>
    </message>
    <message>
        <source>Print the token as a QR code</source>
        <translation>Imprimer le jeton en code QR</translation>
    </message>
    <message>
        <source>Printer connection (empty: the virtual printer)</source>
        <translation>Connexion de l'imprimante (vide : l'imprimante virtuelle)</translation>
    </message>
    <message>
        <source>Printer profile (python-escpos)</source>
        <translation>Profil d'imprimante (python-escpos)</translation>
    </message>
    <message>
        <source>Secure module baud rate</source>
        <translation>Débit en bauds du module de sécurité</translation>
    </message>
    <message>
        <source>Secure module port or URL (empty: start the emulator)</source>
        <translation>Port ou URL du module de sécurité (vide : démarrer l'émulateur)</translation>
    </message>
    <message>
        <source>Voucher footer lines</source>
        <translation>Lignes de pied du bon</translation>
    </message>
    <message>
        <source>Voucher header lines</source>
        <translation>Lignes d'en-tête du bon</translation>
    </message>
</context>
<context>
    <name>settings_dialog</name>
    <message>
        <source>Devices of this counter. Leave a connection empty to use the built-in emulator or virtual printer.</source>
        <translation>Périphériques de ce guichet. Laissez une connexion vide pour utiliser l'émulateur intégré ou l'imprimante virtuelle.</translation>
    </message>
    <message>
        <source>Installer settings</source>
        <translation>Réglages de l'installateur</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>Impression d'une page de test…</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Impression de test</translation>
    </message>
    <message>
        <source>The test page did not print.</source>
        <translation>La page de test ne s'est pas imprimée.</translation>
    </message>
    <message>
        <source>The test page printed.</source>
        <translation>La page de test s'est imprimée.</translation>
    </message>
    <message>
        <source>for example /dev/ttyUSB0 or socket://10.0.0.5:7000</source>
        <translation>par exemple /dev/ttyUSB0 ou socket://10.0.0.5:7000</translation>
    </message>
    <message>
        <source>network:HOST:PORT, serial:/dev/ttyUSB0:19200, usb:04b8:0202, file:/dev/usb/lp0 or cups:QUEUE</source>
        <translation>network:HÔTE:PORT, serial:/dev/ttyUSB0:19200, usb:04b8:0202, file:/dev/usb/lp0 ou cups:FILE</translation>
    </message>
</context>
<context>
    <name>shift</name>
    <message>
        <source>Bill</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ANNULÉE</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>Énergie (kWh)</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ÉCHOUÉE</translation>
    </message>
    <message>
        <source>ISSUED</source>
        <translation>ÉMISE</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Montant net</translation>
    </message>
    <message>
        <source>PENDING</source>
        <translation>EN COURS</translation>
    </message>
    <message>
        <source>PRINTED</source>
        <translation>IMPRIMÉE</translation>
    </message>
    <message>
        <source>Search by meter, bill, customer or token</source>
        <translation>Rechercher par compteur, facture, client ou jeton</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>This shift's vends</source>
        <translation>Ventes de ce service</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>{shown} of {total} vends shown</source>
        <translation>{shown} ventes affichées sur {total}</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Card reader: {state}</source>
        <translation>Lecteur de cartes : {state}</translation>
    </message>
    <message>
        <source>card service not running</source>
        <translation>service de cartes arrêté</translation>
    </message>
    <message>
        <source>{reader} not connected</source>
        <translation>{reader} non connecté</translation>
    </message>
    <message>
        <source>no reader connected</source>
        <translation>aucun lecteur connecté</translation>
    </message>
    <message>
        <source>Module: {state}</source>
        <translation>Module : {state}</translation>
    </message>
    <message>
        <source>Operator: {name} ({code})</source>
        <translation>Opérateur : {name} ({code})</translation>
    </message>
    <message>
        <source>Printer: {state}</source>
        <translation>Imprimante : {state}</translation>
    </message>
    <message>
        <source>Sales point: {name}</source>
        <translation>Point de vente : {name}</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <source>credit {kwh} kWh</source>
        <translation>crédit {kwh} kWh</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>capot ouvert</translation>
    </message>
    <message>
        <source>in use by another program</source>
        <translation>utilisé par un autre programme</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>non configurée</translation>
    </message>
    <message>
        <source>paper out</source>
        <translation>plus de papier</translation>
    </message>
    <message>
        <source>printer error</source>
        <translation>erreur de l'imprimante</translation>
    </message>
</context>
<context>
    <name>voucher</name>
    <message>
        <source>Debt repayment</source>
        <translation>Remboursement de la dette</translation>
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
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Vending amount</source>
        <translation>Montant de la vente</translation>
    </message>
    <message>
        <source>Key change token 1 of 4</source>
        <translation>Jeton de changement de clé 1 sur 4</translation>
    </message>
    <message>
        <source>Key change token 2 of 4</source>
        <translation>Jeton de changement de clé 2 sur 4</translation>
    </message>
    <message>
        <source>Key change token 3 of 4</source>
        <translation>Jeton de changement de clé 3 sur 4</translation>
    </message>
    <message>
        <source>Key change token 4 of 4</source>
        <translation>Jeton de changement de clé 4 sur 4</translation>
    </message>
    <message>
        <source>Enter any older tokens first, then the key change tokens in order, then the credit token.</source>
        <translation>Saisissez d'abord les jetons plus anciens, puis les jetons de changement de clé dans l'ordre, puis le jeton de crédit.</translation>
    </message>
</context>
<context>
    <name>cardmode</name>
    <message>
        <source>Meter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <source>{kwh} kWh not loaded into the meter yet (bill {bill}): insert the card in the meter first</source>
        <translation>{kwh} kWh pas encore chargés dans le compteur (facture {bill}) : insérez d'abord la carte dans le compteur</translation>
    </message>
    <message>
        <source>(overdraft used: {kwh} kWh)</source>
        <translation>(découvert utilisé : {kwh} kWh)</translation>
    </message>
    <message>
        <source>({count} power cuts)</source>
        <translation>({count} coupures de courant)</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Card in the reader</source>
        <translation>Carte dans le lecteur</translation>
    </message>
    <message>
        <source>Credit on the card</source>
        <translation>Crédit sur la carte</translation>
    </message>
    <message>
        <source>Last months</source>
        <translation>Derniers mois</translation>
    </message>
    <message>
        <source>Meter clock</source>
        <translation>Horloge du compteur</translation>
    </message>
    <message>
        <source>Overloads</source>
        <translation>Surcharges</translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation>Lecture de la carte…</translation>
    </message>
    <message>
        <source>Ready: sell with Enter</source>
        <translation>Prête : vendez avec Entrée</translation>
    </message>
    <message>
        <source>Remaining credit</source>
        <translation>Crédit restant</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>Alimentation</translation>
    </message>
    <message>
        <source>Tamper</source>
        <translation>Fraude</translation>
    </message>
    <message>
        <source>This card cannot be sold to.</source>
        <translation>Impossible de vendre sur cette carte.</translation>
    </message>
    <message>
        <source>cover opened</source>
        <translation>capot ouvert</translation>
    </message>
    <message>
        <source>cut off (relay open)</source>
        <translation>coupée (relais ouvert)</translation>
    </message>
    <message>
        <source>magnetic field</source>
        <translation>champ magnétique</translation>
    </message>
    <message>
        <source>no meter data yet (not in a meter since issue)</source>
        <translation>pas encore de données du compteur (pas insérée dans un compteur depuis son émission)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>none waiting: all credit loaded</source>
        <translation>aucun en attente : tout le crédit est chargé</translation>
    </message>
    <message>
        <source>on</source>
        <translation>en service</translation>
    </message>
    <message>
        <source>reverse current</source>
        <translation>courant inverse</translation>
    </message>
    <message>
        <source>{count} event(s): {events}</source>
        <translation>{count} événement(s) : {events}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Nothing can be sold to the card in the reader: {reason}</source>
        <translation>Impossible de vendre sur la carte du lecteur : {reason}</translation>
    </message>
    <message>
        <source>The card is still being read. Wait until its data shows, then press Enter again.</source>
        <translation>La carte est encore en cours de lecture. Attendez que ses données s'affichent, puis appuyez de nouveau sur Entrée.</translation>
    </message>
</context>
<context>
    <name>pos</name>
    <message>
        <source>Credit on card {serial}</source>
        <translation>Crédit sur la carte {serial}</translation>
    </message>
    <message>
        <source>Meter number (from the card)</source>
        <translation>Numéro de compteur (lu sur la carte)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Sale {bill} to this meter is still unfinished on another card of the meter. Insert that card first so the sale can be completed or cancelled.</source>
        <translation>La vente {bill} pour ce compteur est encore inachevée sur une autre carte du compteur. Insérez d'abord cette carte pour que la vente soit terminée ou annulée.</translation>
    </message>
</context>
<context>
    <name>pos</name>
    <message>
        <source>The vend writes the credit onto the card in the reader.</source>
        <translation>La vente écrit le crédit sur la carte du lecteur.</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>Another StarPOS program is using the secure module. Close it, then press Enter again.</source>
        <translation>Un autre programme StarPOS utilise le module de sécurité. Fermez-le, puis appuyez à nouveau sur Entrée.</translation>
    </message>
    <message>
        <source>No sale was made. Do not take the money.</source>
        <translation>Aucune vente n'a été faite. Ne prenez pas l'argent.</translation>
    </message>
    <message>
        <source>The card reader could not reach the card. Check the reader's cable and that the card is in it, then press Enter again.</source>
        <translation>Le lecteur n'a pas pu joindre la carte. Vérifiez le câble du lecteur et que la carte y est, puis appuyez à nouveau sur Entrée.</translation>
    </message>
    <message>
        <source>The card was interrupted while the credit was written. Insert the same card again: the sale is completed or cancelled from what the card holds.</source>
        <translation>La carte a été interrompue pendant l'écriture du crédit. Insérez à nouveau la même carte : la vente est terminée ou annulée selon ce que la carte contient.</translation>
    </message>
    <message>
        <source>The printer is not connected: check that it is on and that its cable is in.</source>
        <translation>L'imprimante n'est pas connectée : vérifiez qu'elle est allumée et que son câble est branché.</translation>
    </message>
    <message>
        <source>The printer is not set up on this counter: call the installer.</source>
        <translation>L'imprimante n'est pas configurée sur ce guichet : appelez l'installateur.</translation>
    </message>
    <message>
        <source>The printer is out of paper: load a new roll.</source>
        <translation>L'imprimante n'a plus de papier : mettez un nouveau rouleau.</translation>
    </message>
    <message>
        <source>The printer reports an error: clear it (paper jam, cutter) and switch the printer off and on.</source>
        <translation>L'imprimante signale une erreur : corrigez-la (bourrage, massicot) et éteignez puis rallumez l'imprimante.</translation>
    </message>
    <message>
        <source>The printer stopped while printing: the voucher may be incomplete.</source>
        <translation>L'imprimante s'est arrêtée pendant l'impression : le bon est peut-être incomplet.</translation>
    </message>
    <message>
        <source>The printer's cover is open: close it.</source>
        <translation>Le capot de l'imprimante est ouvert : fermez-le.</translation>
    </message>
    <message>
        <source>The sale is not finished yet. Keep the money, and do not sell it again.</source>
        <translation>La vente n'est pas encore terminée. Gardez l'argent, et ne la vendez pas à nouveau.</translation>
    </message>
    <message>
        <source>The sale is not finished yet. Keep the money: do not refund it and do not sell it again.</source>
        <translation>La vente n'est pas encore terminée. Gardez l'argent : ne le remboursez pas et ne vendez pas à nouveau.</translation>
    </message>
    <message>
        <source>The sale {bill} is made and the token is valid: hand it over (read it out, or copy it). Only the voucher is missing.</source>
        <translation>La vente {bill} est faite et le jeton est valable : remettez-le (lisez-le ou copiez-le). Seul le bon manque.</translation>
    </message>
    <message>
        <source>The sale {bill} is made: the credit is on the card. Only the voucher is missing.</source>
        <translation>La vente {bill} est faite : le crédit est sur la carte. Seul le bon manque.</translation>
    </message>
    <message>
        <source>The secure module is not connected. Check its cable and power, then press Enter again.</source>
        <translation>Le module de sécurité n'est pas connecté. Vérifiez son câble et son alimentation, puis appuyez à nouveau sur Entrée.</translation>
    </message>
    <message>
        <source>The secure module refused to make the token. Press Enter to try again; if it is refused again, call your supervisor.</source>
        <translation>Le module de sécurité a refusé de faire le jeton. Appuyez sur Entrée pour réessayer ; s'il refuse encore, appelez votre superviseur.</translation>
    </message>
    <message>
        <source>The secure module stopped answering during the sale. Check its cable and power: the token shows here by itself as soon as the module answers again.</source>
        <translation>Le module de sécurité a cessé de répondre pendant la vente. Vérifiez son câble et son alimentation : le jeton s'affiche ici tout seul dès que le module répond à nouveau.</translation>
    </message>
    <message>
        <source>The voucher of sale {bill} was not reprinted.</source>
        <translation>Le bon de la vente {bill} n'a pas été réimprimé.</translation>
    </message>
    <message>
        <source>Then ask an operator who may reprint vouchers to print it again.</source>
        <translation>Puis demandez à un opérateur autorisé à réimprimer les bons de l'imprimer à nouveau.</translation>
    </message>
    <message>
        <source>Then print it again (Ctrl+R).</source>
        <translation>Puis imprimez-le à nouveau (Ctrl+R).</translation>
    </message>
    <message>
        <source>Nothing was put on the card: it could not be written. Check that it sits right in the reader, then press Enter to sell again.</source>
        <translation>Rien n'a été mis sur la carte : elle n'a pas pu être écrite. Vérifiez qu'elle est bien dans le lecteur, puis appuyez sur Entrée pour vendre à nouveau.</translation>
    </message>
</context>
</TS>
