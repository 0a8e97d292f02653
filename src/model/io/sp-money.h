/* sp-money.h — money as integer minor units: parsing, exact arithmetic, display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_MONEY_ERROR (sp_money_error_quark ())

typedef enum
{
  SP_MONEY_ERROR_EMPTY,      /* nothing but blanks */
  SP_MONEY_ERROR_INVALID,    /* not a number ("abc", "1.2.3", "12x") */
  SP_MONEY_ERROR_OVERFLOW,   /* does not fit in gint64 minor units */
} SpMoneyError;

typedef struct
{
  const char *code;     /* ISO 4217: "CNY" */
  const char *symbol;   /* "¥" */
  guint       digits;   /* minor-unit digits: 2 for CNY, 0 for JPY */
} SpCurrency;

GQuark             sp_money_error_quark      (void);

/* NULL for an unknown code. Known: CNY USD EUR GBP JPY HKD. */
const SpCurrency  *sp_currency_lookup        (const char        *code);
/* The known currencies, NULL-terminated, in display order. */
const SpCurrency * const *sp_currency_list   (void);
/* Translated name of the currency ("Chinese yuan"). */
const char        *sp_currency_get_name      (const SpCurrency  *currency);

/* Parses typed or CSV text into minor units of @currency:
 * "1,234.56", "¥1,234.56", "1234.5", "-12", "(12.00)", " 1 234 ", "RMB 5", "5元",
 * "2000万", "1.5亿元" (万 = 10⁴, 亿 = 10⁸), and full-width digits and punctuation ("１２，３４５").
 * More decimals than the currency has round half away from zero ("957.5775" → 95758).
 * Garbage, an empty string or overflow → FALSE with a translated @error that quotes @text. */
gboolean           sp_money_parse            (const char        *text,
                                              const SpCurrency  *currency,
                                              gint64            *out_minor,
                                              GError           **error);

/* @amount * @numerator / @denominator rounded half away from zero, computed without
 * overflow or floating point. @denominator must not be 0. */
gint64             sp_money_scale            (gint64             amount,
                                              gint64             numerator,
                                              gint64             denominator);
/* @amount * @percent_hundredths / 10000: percent given in hundredths (12.5% → 1250),
 * rounded half away from zero. */
gint64             sp_money_apply_percent    (gint64             amount,
                                              gint64             percent_hundredths);

typedef enum
{
  SP_MONEY_FORMAT_DEFAULT     = 0,
  SP_MONEY_FORMAT_NO_SYMBOL   = 1 << 0,  /* "1,234.56" */
  SP_MONEY_FORMAT_NO_GROUPING = 1 << 1,  /* "1234.56" (CSV export) */
  SP_MONEY_FORMAT_COMPACT     = 1 << 2,  /* "¥1.2M" / "¥120万" per locale, for chart labels */
} SpMoneyFormatFlags;

/* Locale-aware display: the locale's decimal point and grouping (falling back to "." and
 * "," in the C locale), the currency's symbol. Negative: "-¥1,234.56". */
char              *sp_money_format           (gint64              amount,
                                              const SpCurrency   *currency,
                                              SpMoneyFormatFlags  flags);

G_END_DECLS
