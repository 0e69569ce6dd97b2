<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>The secure module did not answer as expected.</source>
        <translation>Le module de sécurité n'a pas répondu comme prévu.</translation>
    </message>
    <message>
        <source>The secure module refused {command} with code {response_code}.</source>
        <translation>Le module de sécurité a refusé {command} avec le code {response_code}.</translation>
    </message>
    <message>
        <source>The secure module does not know the command {command} (code 51). Update its firmware.</source>
        <translation>Le module de sécurité ne connaît pas la commande {command} (code 51). Mettez à jour son micrologiciel.</translation>
    </message>
    <message>
        <source>The token does not belong to this meter or is damaged (code 50). Check the digits and the meter number.</source>
        <translation>Le jeton n'appartient pas à ce compteur ou est abîmé (code 50). Vérifiez les chiffres et le numéro du compteur.</translation>
    </message>
    <message>
        <source>The secure module could not make the token (code 49). Check the meter data.</source>
        <translation>Le module de sécurité n'a pas pu créer le jeton (code 49). Vérifiez les données du compteur.</translation>
    </message>
    <message>
        <source>The secure module has no earlier answer to resend (code 48).</source>
        <translation>Le module de sécurité n'a aucune réponse précédente à renvoyer (code 48).</translation>
    </message>
    <message>
        <source>The amount is above the credit limit of this vending key (code 47). Sell a smaller amount.</source>
        <translation>Le montant dépasse la limite de crédit de cette clé de vente (code 47). Vendez un montant plus petit.</translation>
    </message>
    <message>
        <source>A token cannot carry exactly this amount (code 46); the nearest amount it can carry is {carried}.</source>
        <translation>Un jeton ne peut pas porter exactement ce montant (code 46) ; le montant le plus proche possible est {carried}.</translation>
    </message>
    <message>
        <source>The key in that register does not match the meter's SGC or KRN (code 45). Check the meter's key data.</source>
        <translation>La clé de ce registre ne correspond pas au SGC ou au KRN du compteur (code 45). Vérifiez les données de clé du compteur.</translation>
    </message>
    <message>
        <source>The file is not signed by the trusted key management centre (code 44). Do not use it; ask for a genuine file.</source>
        <translation>Le fichier n'est pas signé par le centre de gestion des clés de confiance (code 44). Ne l'utilisez pas ; demandez un fichier authentique.</translation>
    </message>
    <message>
        <source>This key may only be used for key changes, not to vend credit (code 43). Use a vending key.</source>
        <translation>Cette clé ne sert qu'aux changements de clé, pas à vendre du crédit (code 43). Utilisez une clé de vente.</translation>
    </message>
    <message>
        <source>The vending key is not active yet (code 42). Wait for its activation date or use the current key.</source>
        <translation>La clé de vente n'est pas encore active (code 42). Attendez sa date d'activation ou utilisez la clé actuelle.</translation>
    </message>
    <message>
        <source>The vending key has expired (code 41). Load a new key file and change the meter's key.</source>
        <translation>La clé de vente a expiré (code 41). Chargez un nouveau fichier de clés et changez la clé du compteur.</translation>
    </message>
    <message>
        <source>The secure module holds no key for this meter's key register, SGC and KRN (code 40). Load the right key file.</source>
        <translation>Le module de sécurité n'a pas de clé pour le registre, le SGC et le KRN de ce compteur (code 40). Chargez le bon fichier de clés.</translation>
    </message>
    <message>
        <source>The credit update would take the module above 1,800,000 kWh (code 35). Use a smaller amount.</source>
        <translation>La mise à jour du crédit ferait dépasser 1 800 000 kWh au module (code 35). Utilisez un montant plus petit.</translation>
    </message>
    <message>
        <source>The credit update block has the wrong sequence number (code 34): it was used already or is out of order. Ask for a block with the module's next sequence number.</source>
        <translation>Le bloc de mise à jour du crédit a un mauvais numéro de séquence (code 34) : il a déjà servi ou arrive dans le désordre. Demandez un bloc portant le prochain numéro de séquence du module.</translation>
    </message>
    <message>
        <source>The file is for another secure module (code 33). Use the file made for this module's id.</source>
        <translation>Le fichier est destiné à un autre module de sécurité (code 33). Utilisez le fichier fait pour l'identifiant de ce module.</translation>
    </message>
    <message>
        <source>The secure module has not enough credit for this (code 31). Credit the module (SM credit update) before vending again.</source>
        <translation>Le module de sécurité n'a pas assez de crédit (code 31). Créditez le module avant de vendre à nouveau.</translation>
    </message>
    <message>
        <source>The secure module kept receiving damaged requests (code 20). Check the cable.</source>
        <translation>Le module de sécurité reçoit sans cesse des requêtes abîmées (code 20). Vérifiez le câble.</translation>
    </message>
    <message>
        <source>The secure module timed out on {command} (code 03). Try again.</source>
        <translation>Le module de sécurité a dépassé le délai pour {command} (code 03). Réessayez.</translation>
    </message>
    <message>
        <source>The secure module could not read the request {command} (code 02). Check the values and try again.</source>
        <translation>Le module de sécurité n'a pas pu lire la requête {command} (code 02). Vérifiez les valeurs et réessayez.</translation>
    </message>
    <message>
        <source>The secure module reports an internal failure (code 01). Restart it; if it persists, replace it.</source>
        <translation>Le module de sécurité signale une panne interne (code 01). Redémarrez-le ; si cela persiste, remplacez-le.</translation>
    </message>
    <message>
        <source>The development KMC could not do this: {reason}.</source>
        <translation>Le KMC de développement n'a pas pu le faire : {reason}.</translation>
    </message>
    <message>
        <source>This command needs the option {option}.</source>
        <translation>Cette commande a besoin de l'option {option}.</translation>
    </message>
    <message>
        <source>The amount {amount} is not a number of units with at most one decimal.</source>
        <translation>Le montant {amount} n'est pas un nombre d'unités avec au plus une décimale.</translation>
    </message>
    <message>
        <source>The request to the secure module is not valid: {reason}. Correct it and try again.</source>
        <translation>La requête au module de sécurité n'est pas valide : {reason}. Corrigez-la et réessayez.</translation>
    </message>
    <message>
        <source>The secure module emulator could not start: {reason}.</source>
        <translation>L'émulateur du module de sécurité n'a pas pu démarrer : {reason}.</translation>
    </message>
    <message>
        <source>The credit update file {path} cannot be used: {reason}. Ask the utility for a new one.</source>
        <translation>Le fichier de mise à jour du crédit {path} est inutilisable : {reason}. Demandez-en un nouveau au distributeur.</translation>
    </message>
    <message>
        <source>The key file {path} cannot be used: {reason}. Ask the key management centre for a new one.</source>
        <translation>Le fichier de clés {path} est inutilisable : {reason}. Demandez-en un nouveau au centre de gestion des clés.</translation>
    </message>
    <message>
        <source>The secure module sent an answer StarPOS cannot read ({reason}). Check that the port is really a secure module and that the baud rate is right.</source>
        <translation>Le module de sécurité a envoyé une réponse illisible pour StarPOS ({reason}). Vérifiez que le port est bien un module de sécurité et que le débit est correct.</translation>
    </message>
    <message>
        <source>The secure module did not answer {command} after {tries} tries. Check that it is connected and powered, then try again.</source>
        <translation>Le module de sécurité n'a pas répondu à {command} après {tries} essais. Vérifiez qu'il est branché et alimenté, puis réessayez.</translation>
    </message>
    <message>
        <source>The connection to the secure module at {url} was lost ({native}). Reconnect it; the last answer can be recovered once it is back.</source>
        <translation>La connexion au module de sécurité sur {url} a été perdue ({native}). Rebranchez-le ; la dernière réponse pourra être récupérée à son retour.</translation>
    </message>
    <message>
        <source>The secure module at {url} cannot be opened ({native}). Check the cable and the port setting, then try again.</source>
        <translation>Le module de sécurité sur {url} ne peut pas être ouvert ({native}). Vérifiez le câble et le réglage du port, puis réessayez.</translation>
    </message>
    <message>
        <source>The module credential file {path} cannot be used: {reason}. Restore it from the installation's backup, or pair the module again.</source>
        <translation>Le fichier d'identifiant du module {path} est inutilisable : {reason}. Restaurez-le depuis la sauvegarde de l'installation, ou appairez à nouveau le module.</translation>
    </message>
    <message>
        <source>The device at {url} could not prove that it is the secure module paired with this terminal. Check that the port setting names your module.</source>
        <translation>L'appareil sur {url} n'a pas pu prouver qu'il est le module de sécurité appairé à ce terminal. Vérifiez que le réglage du port désigne bien votre module.</translation>
    </message>
    <message>
        <source>The secure module acts only for a terminal signed in with its module credential (code 52), and {command} was sent without one. Use StarPOS on the terminal the module is paired with.</source>
        <translation>Le module de sécurité n'agit que pour un terminal connecté avec son identifiant de module (code 52), et {command} a été envoyé sans. Utilisez StarPOS sur le terminal auquel le module est appairé.</translation>
    </message>
    <message>
        <source>The secure module does not accept this terminal's module credential (code 53). It is paired with another installation, or the credential file was replaced: restore the credential file from the backup, or pair the module again.</source>
        <translation>Le module de sécurité n'accepte pas l'identifiant de module de ce terminal (code 53). Il est appairé à une autre installation, ou le fichier d'identifiant a été remplacé : restaurez le fichier depuis la sauvegarde, ou appairez à nouveau le module.</translation>
    </message>
    <message>
        <source>The secure module has no record of that (code 54): it was not made, or before the module kept records.</source>
        <translation>Le module de sécurité n'a aucune trace de cela (code 54) : cela n'a pas eu lieu, ou avant que le module ne tienne ses registres.</translation>
    </message>
    <message>
        <source>The store's audit trail disagrees with the one the secure module anchored (code 55: the module holds entry {anchored_count}). The store was restored from an older copy or edited. Restore the latest backup, or bind the module again with a recorded reconciliation.</source>
        <translation>Le journal d'audit du magasin ne correspond pas à celui que le module de sécurité a ancré (code 55 : le module détient l'entrée {anchored_count}). Le magasin a été restauré depuis une copie plus ancienne ou modifié. Restaurez la dernière sauvegarde, ou liez à nouveau le module avec un rapprochement enregistré.</translation>
    </message>
    <message>
        <source>The secure module could not save the change, so it did not make it (code 56). Its storage is full or failing: free space on the module's disk, then try again.</source>
        <translation>Le module de sécurité n'a pas pu enregistrer la modification, il ne l'a donc pas faite (code 56). Son stockage est plein ou défaillant : libérez de l'espace sur le disque du module, puis réessayez.</translation>
    </message>
    <message>
        <source>The secure module {module} is a production module. Commands that make credit outside a sale run only against an emulator in training mode; sell through StarPOS instead.</source>
        <translation>Le module de sécurité {module} est un module de production. Les commandes qui créent du crédit hors d'une vente ne s'exécutent que sur un émulateur en mode formation ; vendez plutôt avec StarPOS.</translation>
    </message>
</context>
<context>
    <name>sm</name>
    <message>
      <source>old: KRN {krn} is current</source>
      <translation>ancienne : la KRN {krn} est actuelle</translation>
    </message>
    <message>
        <source>Module id</source>
        <translation>Identifiant du module</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Micrologiciel</translation>
    </message>
    <message>
        <source>Key check value</source>
        <translation>Valeur de contrôle des clés</translation>
    </message>
    <message>
        <source>Keys loaded</source>
        <translation>Clés chargées</translation>
    </message>
    <message>
        <source>Identity key</source>
        <translation>Clé d'identité</translation>
    </message>
    <message>
        <source>Credit update sequence</source>
        <translation>Séquence de mise à jour du crédit</translation>
    </message>
    <message>
        <source>Next credit update sequence</source>
        <translation>Prochaine séquence de mise à jour du crédit</translation>
    </message>
    <message>
        <source>Balance (kWh)</source>
        <translation>Solde (kWh)</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Response code</source>
        <translation>Code de réponse</translation>
    </message>
    <message>
        <source>Request digest</source>
        <translation>Empreinte de la requête</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Token class</source>
        <translation>Classe du jeton</translation>
    </message>
    <message>
        <source>Token subclass</source>
        <translation>Sous-classe du jeton</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Tokens issued</source>
        <translation>Jetons émis</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Débit (bauds)</translation>
    </message>
    <message>
        <source>Round trip p50 (ms)</source>
        <translation>Aller-retour p50 (ms)</translation>
    </message>
    <message>
        <source>Round trip p95 (ms)</source>
        <translation>Aller-retour p95 (ms)</translation>
    </message>
    <message>
        <source>Round trip max (ms)</source>
        <translation>Aller-retour max (ms)</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>Jetons par seconde</translation>
    </message>
    <message>
        <source>Status query p50 (ms)</source>
        <translation>Requête d'état p50 (ms)</translation>
    </message>
    <message>
      <source>The module holds no keys: load the KMF file from the utility.</source>
      <translation>Le module ne contient aucune clé : chargez le fichier KMF fourni par la compagnie.</translation>
    </message>
    <message>
      <source>Key in register {register} (SGC {sgc}, KRN {krn}) expires on {day}: {days} day(s) left.</source>
      <translation>La clé du registre {register} (SGC {sgc}, KRN {krn}) expire le {day} : il reste {days} jour(s).</translation>
    </message>
    <message>
      <source>Key in register {register} (SGC {sgc}, KRN {krn}) expired on {day}: load its new KMF.</source>
      <translation>La clé du registre {register} (SGC {sgc}, KRN {krn}) a expiré le {day} : chargez son nouveau KMF.</translation>
    </message>
    <message>
      <source>Reg  SGC     KRN  KT  KEN  Base  Algorithm      Activation  Issued until  Expires</source>
      <translation>Reg  SGC     KRN  KT  KEN  Base  Algorithme     Activation  Émise jusqu'au  Expire</translation>
    </message>
    <message>
      <source>The date {value} is not a date such as 2026-12-31.</source>
      <translation>{value} n'est pas une date comme 2026-12-31.</translation>
    </message>
    <message>
      <source>Balance before (kWh)</source>
      <translation>Solde avant (kWh)</translation>
    </message>
    <message>
      <source>Operation</source>
      <translation>Opération</translation>
    </message>
    <message>
      <source>Key registers</source>
      <translation>Registres de clés</translation>
    </message>
      <message>
        <source>Amount (kWh)</source>
        <translation>Montant (kWh)</translation>
    </message>
    <message>
        <source>Block digest</source>
        <translation>Empreinte du bloc</translation>
    </message>
    <message>
        <source>Reconciled over the module's life: {verdict}.</source>
        <translation>Rapproché sur toute la vie du module : {verdict}.</translation>
    </message>
    <message>
        <source>the books agree</source>
        <translation>les livres concordent</translation>
    </message>
    <message>
        <source>{count} finding(s), see starpos vend reconcile</source>
        <translation>{count} constat(s), voir starpos vend reconcile</translation>
    </message>
    <message>
        <source>Module {module} now serves this store (binding {number}; it served {previous}). Accepted and recorded: {kwh} kWh in {tokens} token(s) this store does not hold.</source>
        <translation>Le module {module} sert désormais ce magasin (liaison {number} ; il servait {previous}). Accepté et enregistré : {kwh} kWh en {tokens} jeton(s) que ce magasin ne détient pas.</translation>
    </message>
    <message>
      <source>TRAINING</source>
      <translation>FORMATION</translation>
    </message>
    <message>
      <source>Training module</source>
      <translation>Module de formation</translation>
    </message>
  </context>
</TS>
