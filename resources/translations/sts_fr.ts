<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>The token could not be made or read.</source>
        <translation>Le jeton n'a pas pu être créé ou lu.</translation>
    </message>
    <message>
        <source>The meter number {value!r} is not valid.</source>
        <translation>Le numéro de compteur {value!r} n'est pas valide.</translation>
    </message>
    <message>
        <source>The meter number {value!r} must contain digits only: check it on the meter and type it again.</source>
        <translation>Le numéro de compteur {value!r} ne doit contenir que des chiffres : vérifiez-le sur le compteur et saisissez-le à nouveau.</translation>
    </message>
    <message>
        <source>The meter number {value!r} has {length} digits; a meter number has 11 or 13 digits (or 18 for a full PAN): check it on the meter.</source>
        <translation>Le numéro de compteur {value!r} a {length} chiffres ; un numéro de compteur a 11 ou 13 chiffres (ou 18 pour un PAN complet) : vérifiez-le sur le compteur.</translation>
    </message>
    <message>
        <source>The check digit of the meter number {value!r} is {found}, but it should be {expected}: a digit was probably mistyped, check the meter number.</source>
        <translation>Le chiffre de contrôle du numéro de compteur {value!r} est {found}, mais il devrait être {expected} : un chiffre a probablement été mal saisi, vérifiez le numéro de compteur.</translation>
    </message>
    <message>
        <source>The last (PAN) check digit of {value!r} is {found}, but it should be {expected}: a digit was probably mistyped, check the number.</source>
        <translation>Le dernier chiffre de contrôle (PAN) de {value!r} est {found}, mais il devrait être {expected} : un chiffre a probablement été mal saisi, vérifiez le numéro.</translation>
    </message>
    <message>
        <source>The PAN {value!r} starts with an unknown issuer number: only 600727 and 0000 are supported.</source>
        <translation>Le PAN {value!r} commence par un numéro d'émetteur inconnu : seuls 600727 et 0000 sont pris en charge.</translation>
    </message>
    <message>
        <source>The {part} {value!r} must have {length} digits.</source>
        <translation>{part} {value!r} doit avoir {length} chiffres.</translation>
    </message>
    <message>
        <source>The amount {amount} cannot be put in a token.</source>
        <translation>Le montant {amount} ne peut pas être mis dans un jeton.</translation>
    </message>
    <message>
        <source>The amount must be more than 0; {amount} was given. Enter a positive amount.</source>
        <translation>Le montant doit être supérieur à 0 ; {amount} a été saisi. Saisissez un montant positif.</translation>
    </message>
    <message>
        <source>The amount {amount} is more than one token can carry ({maximum}): split the sale into several tokens.</source>
        <translation>Le montant {amount} dépasse ce qu'un jeton peut porter ({maximum}) : répartissez la vente sur plusieurs jetons.</translation>
    </message>
    <message>
        <source>The amount {amount!r} is not a number: enter a decimal number such as 12.5.</source>
        <translation>Le montant {amount!r} n'est pas un nombre : saisissez un nombre décimal, par exemple 12.5.</translation>
    </message>
    <message>
        <source>The {field} {value!r} is not valid: it must be {expected}.</source>
        <translation>Le champ {field} {value!r} n'est pas valide : il doit être {expected}.</translation>
    </message>
    <message>
        <source>The base date {value!r} is not supported: use 1993, 2014 or 2035.</source>
        <translation>La date de base {value!r} n'est pas prise en charge : utilisez 1993, 2014 ou 2035.</translation>
    </message>
    <message>
        <source>The issue time {issued_at} is before the meter's base date {base_date}: check the clock of this computer.</source>
        <translation>L'heure d'émission {issued_at} est antérieure à la date de base {base_date} du compteur : vérifiez l'horloge de cet ordinateur.</translation>
    </message>
    <message>
        <source>The issue time {issued_at} is past the last token identifier of base date {base_date}: the meter needs a key change to a newer base date.</source>
        <translation>L'heure d'émission {issued_at} dépasse le dernier identifiant de jeton de la date de base {base_date} : le compteur a besoin d'un changement de clé vers une date de base plus récente.</translation>
    </message>
    <message>
        <source>The issue time {value!r} is not an ISO 8601 date and time.</source>
        <translation>L'heure d'émission {value!r} n'est pas une date et heure ISO 8601.</translation>
    </message>
    <message>
        <source>The {kind} {value!r} is not supported: use {supported}.</source>
        <translation>{kind} {value!r} n'est pas pris en charge : utilisez {supported}.</translation>
    </message>
    <message>
        <source>The {name} is not valid hexadecimal: check the key file.</source>
        <translation>{name} n'est pas un hexadécimal valide : vérifiez le fichier de clés.</translation>
    </message>
    <message>
        <source>The {name} has {bits} bits, but {algorithm} needs {expected} bits.</source>
        <translation>{name} a {bits} bits, mais {algorithm} exige {expected} bits.</translation>
    </message>
    <message>
        <source>The meter's key expired (key expiry number {ken}, token identifier {tid}): issue a key change token before selling credit.</source>
        <translation>La clé du compteur a expiré (numéro d'expiration {ken}, identifiant de jeton {tid}) : émettez un jeton de changement de clé avant de vendre du crédit.</translation>
    </message>
    <message>
        <source>Token class {token_class} subclass {subclass} is not supported.</source>
        <translation>Le jeton de classe {token_class} sous-classe {subclass} n'est pas pris en charge.</translation>
    </message>
    <message>
        <source>The token {token!r} must be 20 digits: check it and type it again.</source>
        <translation>Le jeton {token!r} doit comporter 20 chiffres : vérifiez-le et saisissez-le à nouveau.</translation>
    </message>
    <message>
        <source>The token {token} failed its check: a digit is wrong, or the token is not for this meter.</source>
        <translation>Le jeton {token} n'a pas passé la vérification : un chiffre est faux, ou le jeton n'est pas pour ce compteur.</translation>
    </message>
    <message>
        <source>The token request is missing {field}: add it and try again.</source>
        <translation>Il manque {field} dans la demande de jeton : ajoutez-le et réessayez.</translation>
    </message>
    <message>
        <source>The STA tables in {path} are not valid: {reason}.</source>
        <translation>Les tables STA de {path} ne sont pas valides : {reason}.</translation>
    </message>
    <message>
        <source>The request line is not a JSON object ({reason}): write one JSON object per line.</source>
        <translation>La ligne de demande n'est pas un objet JSON ({reason}) : écrivez un objet JSON par ligne.</translation>
    </message>
</context>
<context>
    <name>sts</name>
    <message>
        <source>decoder key</source>
        <translation>clé du décodeur</translation>
    </message>
    <message>
        <source>internal error ({kind})</source>
        <translation>erreur interne ({kind})</translation>
    </message>
    <message>
        <source>STA (EA07) credit tokens incl. DKGA02</source>
        <translation>Jetons de crédit STA (EA07), DKGA02 compris</translation>
    </message>
    <message>
        <source>MISTY1 (EA11) credit tokens incl. DKGA04</source>
        <translation>Jetons de crédit MISTY1 (EA11), DKGA04 compris</translation>
    </message>
    <message>
        <source>tokens per second of CPU time</source>
        <translation>jetons par seconde de temps processeur</translation>
    </message>
    <message>
        <source>token batch, the same STA tokens as JSON lines: {rate} {unit} ({share} % of the engine alone)</source>
        <translation>token batch, les mêmes jetons STA en lignes JSON : {rate} {unit} ({share} % du moteur seul)</translation>
    </message>
    <message>
        <source>wall clock</source>
        <translation>temps réel</translation>
    </message>
</context>
</TS>
