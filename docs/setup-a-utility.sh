#!/usr/bin/env bash
# Set up a utility from an empty data folder with `starpos` commands alone, ending in a real
# vend: the same steps as the administration window's set-up checklist (issue 12).
#
# Adapt the values (company, codes, prices, meter numbers and key data) to your utility and
# run it once against an empty data folder:
#
#   STARPOS_DATA_DIR=/srv/starpos STAR_PASSWORD='a-long-secret' ./docs/setup-a-utility.sh
#
# Every change logs its operator in (STAR here; the password goes on standard input, never
# on the command line) and is audited. Refusals are one translated line and a non-zero exit,
# and `set -e` stops the script there with nothing of that step written.
#
# The secure module: the built-in emulator unless `starpos settings set sm.url PORT` names a
# real one. Its keys come from your key management centre as a KMF file; this script makes
# one with the development KMC (`starpos sm kmc`, test and demo tooling only).
set -euo pipefail

STARPOS=${STARPOS:-starpos}
STAR_PASSWORD=${STAR_PASSWORD:-star-first-day-1}
CASHIER_PASSWORD=${CASHIER_PASSWORD:-counter-day-one}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The first meter and the last of the delivery (11 digits with the check digit) and the key
# data they were made with (SGC, KRN, key type, base date; the module's key register).
FIRST_METER=58300000013
LAST_METER=58300000203
SGC=600101
KRN=1
REGISTER=1

as_star() { printf '%s\n' "$STAR_PASSWORD" | $STARPOS "$@" --operator STAR --password-stdin; }

# 1. The empty store gets STAR (password star, changed now) and the numbering rules.
$STARPOS db init
printf '%s\n%s\n' star "$STAR_PASSWORD" | $STARPOS admin password --operator STAR --password-stdin

# 2. Company and currency (manual 1.1).
as_star admin system set --company-name "Lakeside Power" --currency USD --amount-decimals 2 \
    --warn-amount 500 --time-zone Africa/Lagos --address "1 Dam Road, Lakeside"

# 2b. Region levels and the region tree (1.2-1.3): name each level, then regions from the top.
as_star admin region level-name --level 1 --name State
as_star admin region level-name --level 2 --name "Local government area"
as_star admin region level-name --level 3 --name Ward
as_star admin region add --code LK --name "Lakeside State"
as_star admin region add --code LK-DAM --name "Dam Road" --parent LK
as_star admin region add --code LK-DAM-W1 --name "Ward 1" --parent LK-DAM
as_star admin region add --code LK-DAM-W2 --name "Ward 2" --parent LK-DAM
$STARPOS admin region list

# 3. A branch and a sales point (1.4, 1.5); this computer as terminal T01 of it (2.10).
as_star admin branch add --code BR01 --name "Lakeside branch"
as_star admin sales-point add --code SP01 --name "Lakeside office" --branch BR01
as_star admin terminal add --code T01 --name "Lakeside counter 1" --sales-point SP01
$STARPOS settings set terminal.code T01

# 4. A meter model (1.8).
as_star admin meter-model add --code KP1 --name "Keypad single phase" --payment-mode prepaid \
    --phases 1

# 5. Tariffs (2.12): a step tariff (the first 50 kWh of a month at 0.10, up to 200 at 0.15,
#    then 0.20) and a time-of-use tariff (T1 night, T2 peak, T3 day; Sunday is all night).
as_star admin tariff add RES --name "Residential step" --from 2026-01-01 \
    --steps 50:0.10,200:0.15,:0.20
as_star admin tariff add BIZ --name "Business time of use" --from 2026-01-01 \
    --tou-prices 0.08,0.25,0.15,0.08 \
    --day 1=00:00/1,07:00/3,18:00/2,22:00/1 --day 2=00:00/1 --week 1=1,1,1,1,1,1,2

# 6. A charge item and a customer type with VAT that collects it monthly (2.2, 2.3).
as_star admin charge-item add --code SVC --name "Monthly service charge" --method monthly \
    --amount 1.50 --vat-applies yes
as_star admin customer-type add --code RES --name Residential --vat-rate 7.5
as_star admin customer-type-charges set RES --occasion vend --items SVC

# 7. The cashier's quick amounts (1.9).
as_star admin default-amounts set 5 10 20 50 100

# 7b. Sale bills numbered per terminal and month, six digits (2.13): V2612T01000001.
as_star admin numbering set vend --fields V,year2,month,terminal --digits 6

# 8. A cashier role and an operator for the counter (2.5, 2.6).
as_star admin role add CASHIER --name Cashier --permissions vend,reprint
printf '%s\n%s\n' "$STAR_PASSWORD" "temporary-1" | $STARPOS admin operator add CASH1 \
    --name "First cashier" --sales-point SP01 --roles CASHIER \
    --operator STAR --password-stdin --new-password-stdin
printf '%s\n%s\n' temporary-1 "$CASHIER_PASSWORD" | \
    $STARPOS admin password --operator CASH1 --password-stdin

# 9. Twenty meters into stock by range (3.1), and two customers with a meter each (3.3).
as_star admin meter stock-in-range "$FIRST_METER" "$LAST_METER" --model KP1 --branch BR01 \
    --sgc "$SGC" --ti 1 --krn "$KRN" --base-date 2014 --key-register "$REGISTER"
as_star admin customer register --name "Ada Lake" --type RES --meter 58300000013:RES \
    --region LK-DAM-W1
as_star admin customer register --name "Lakeside Bakery" --type RES --meter 58300000021:BIZ \
    --region LK-DAM-W2
# The bakery's second meter, for its oven room (4.3), and its telephone (4.2).
as_star admin customer add-meter C0000002 --meter 58300000039 --tariff BIZ
as_star admin customer change C0000002 --telephone "+234 800 555 0101"

$STARPOS admin checklist

# 10. The secure module's key for these meters, and credit (your KMC sends these files).
IDENTITY=$($STARPOS sm info --json)
field() { python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])"; }
cat >"$WORK/keys.json" <<KEYS
[{"register": $REGISTER, "sgc": "$SGC", "krn": $KRN, "key_type": 2, "ken": 255,
  "dkga": 2, "ea": 7, "base_date": 2014}]
KEYS
$STARPOS sm kmc make-kmf --module-id "$(field module_id <<<"$IDENTITY")" \
    --module-key "$(field public_key <<<"$IDENTITY")" --keys "$WORK/keys.json" \
    --out "$WORK/module.kmf"
as_star sm load-kmf "$WORK/module.kmf"
NEXT=$($STARPOS sm balance --json | field next_sequence)
$STARPOS sm kmc credit-block --module-id "$(field module_id <<<"$IDENTITY")" \
    --sequence "$NEXT" --kwh 100000 --out "$WORK/credit.block"
as_star sm credit "$WORK/credit.block"

# 11. The first sale, at terminal T01: 20.00 for Ada Lake's meter.
# The cashier opens a shift on the till first (a float of 100.00), then sells; each
# command with their password.
printf '%s\n' "$CASHIER_PASSWORD" | $STARPOS shift open --operator CASH1 --password-stdin \
    --terminal T01 --float 100.00
printf '%s\n' "$CASHIER_PASSWORD" | $STARPOS vend --meter 58300000013 --amount 20 \
    --operator CASH1 --password-stdin --terminal T01
