/* sp-money.c — money as integer minor units: parsing, exact arithmetic, display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "sp-money.h"

G_DEFINE_QUARK (sp-money-error-quark, sp_money_error)

typedef struct
{
  SpCurrency  currency;
  const char *name;
  /* Symbols and words that may precede or follow a typed amount in this currency. */
  const char *marks[8];
} CurrencyInfo;

static const CurrencyInfo currencies[] = {
  { { "CNY", "¥", 2 }, N_("Chinese yuan"),
    { "¥", "￥", "CN¥", "RMB", "CNY", "元", "人民币", NULL } },
  { { "USD", "$", 2 }, N_("US dollar"), { "$", "US$", "USD", NULL } },
  { { "EUR", "€", 2 }, N_("Euro"), { "€", "EUR", NULL } },
  { { "GBP", "£", 2 }, N_("Pound sterling"), { "£", "GBP", NULL } },
  { { "JPY", "JP¥", 0 }, N_("Japanese yen"), { "JP¥", "¥", "￥", "円", "JPY", NULL } },
  { { "HKD", "HK$", 2 }, N_("Hong Kong dollar"), { "HK$", "$", "HKD", NULL } },
};

static const SpCurrency * const currency_list[] = {
  &currencies[0].currency,
  &currencies[1].currency,
  &currencies[2].currency,
  &currencies[3].currency,
  &currencies[4].currency,
  &currencies[5].currency,
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (currency_list) == G_N_ELEMENTS (currencies) + 1);

/* Amounts never need more than this; 10^18 still fits in a guint64. */
#define MAX_DIGITS 6

static const guint64 powers_of_ten[] = {
  1, 10, 100, 1000, 10000, 100000, 1000000,
};

G_STATIC_ASSERT (G_N_ELEMENTS (powers_of_ten) == MAX_DIGITS + 1);

static const CurrencyInfo *
currency_info (const SpCurrency *currency)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (&currencies[i].currency == currency)
      return &currencies[i];

  return NULL;
}

const SpCurrency *
sp_currency_lookup (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (currencies[i].currency.code, code) == 0)
      return &currencies[i].currency;

  return NULL;
}

const SpCurrency * const *
sp_currency_list (void)
{
  return currency_list;
}

const char *
sp_currency_get_name (const SpCurrency *currency)
{
  const CurrencyInfo *info;

  g_return_val_if_fail (currency != NULL, NULL);

  info = currency_info (currency);
  if (info == NULL)
    return currency->code;

  return _(info->name);
}

/* Exact unsigned arithmetic: @a * @b / @d with the remainder, without a 128-bit type.
 * Returns FALSE when the quotient does not fit in 64 bits. */
static gboolean
mul_div_u64 (guint64  a,
             guint64  b,
             guint64  d,
             guint64 *quotient,
             guint64 *remainder)
{
  guint64 a_lo = a & 0xffffffffu, a_hi = a >> 32;
  guint64 b_lo = b & 0xffffffffu, b_hi = b >> 32;
  guint64 lo_lo = a_lo * b_lo;
  guint64 hi_lo = a_hi * b_lo;
  guint64 lo_hi = a_lo * b_hi;
  guint64 hi_hi = a_hi * b_hi;
  guint64 cross = (lo_lo >> 32) + (hi_lo & 0xffffffffu) + lo_hi;
  guint64 hi = hi_hi + (hi_lo >> 32) + (cross >> 32);
  guint64 lo = (cross << 32) | (lo_lo & 0xffffffffu);
  guint64 q = 0;
  guint64 r;

  g_assert (d != 0);

  if (hi >= d)
    return FALSE;

  if (hi == 0)
    {
      *quotient = lo / d;
      *remainder = lo % d;
      return TRUE;
    }

  /* Long division of hi:lo by d, one bit at a time; hi < d keeps the quotient in 64 bits. */
  r = hi;
  for (int bit = 63; bit >= 0; bit--)
    {
      gboolean carry = (r >> 63) != 0;

      r = (r << 1) | ((lo >> bit) & 1);
      q <<= 1;
      if (carry || r >= d)
        {
          r -= d;
          q |= 1;
        }
    }

  *quotient = q;
  *remainder = r;
  return TRUE;
}

static inline guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
}

/* @a * @b / @d rounded half away from zero; FALSE if it does not fit in 64 bits. */
static gboolean
mul_div_round_u64 (guint64  a,
                   guint64  b,
                   guint64  d,
                   guint64 *out)
{
  guint64 q, r;

  if (!mul_div_u64 (a, b, d, &q, &r))
    return FALSE;

  if (r >= d - r)
    {
      if (q == G_MAXUINT64)
        return FALSE;
      q++;
    }

  *out = q;
  return TRUE;
}

/* The result saturates at G_MININT64 / G_MAXINT64 when it does not fit. */
gint64
sp_money_scale (gint64 amount,
                gint64 numerator,
                gint64 denominator)
{
  gboolean negative;
  guint64  limit;
  guint64  result;

  g_return_val_if_fail (denominator != 0, 0);

  negative = ((amount < 0) != (numerator < 0)) != (denominator < 0);
  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

  if (!mul_div_round_u64 (magnitude (amount), magnitude (numerator), magnitude (denominator),
                          &result)
      || result > limit)
    result = limit;

  if (result == 0)
    return 0;

  return negative ? -(gint64) (result - 1) - 1 : (gint64) result;
}

gint64
sp_money_apply_percent (gint64 amount,
                        gint64 percent_hundredths)
{
  return sp_money_scale (amount, percent_hundredths, 10000);
}

/* Parsing */

static const char *
skip_blanks (const char *p,
             const char *end)
{
  while (p < end && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

static const char *
trim_blanks (const char *start,
             const char *end)
{
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return end;
}

/* "-", "+" or U+2212 MINUS SIGN; returns the sign's length in bytes, 0 if there is none. */
static gsize
sign_at (const char *p,
         const char *end,
         gboolean   *negative)
{
  if (p < end && (*p == '-' || *p == '+'))
    {
      *negative = *p == '-';
      return 1;
    }
  if (end - p >= 3 && memcmp (p, "\xe2\x88\x92", 3) == 0)
    {
      *negative = TRUE;
      return 3;
    }

  return 0;
}

/* The longest currency mark at the start (@at_end FALSE) or the end of [@p, @end). */
static gsize
match_mark (const char          *p,
            const char          *end,
            gboolean             at_end,
            const CurrencyInfo **owner,
            const char         **mark)
{
  gsize best = 0;

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    for (guint j = 0; currencies[i].marks[j] != NULL; j++)
      {
        const char *candidate = currencies[i].marks[j];
        gsize       len = strlen (candidate);

        if (len <= best || (gsize) (end - p) < len)
          continue;
        if (g_ascii_strncasecmp (at_end ? end - len : p, candidate, len) != 0)
          continue;

        best = len;
        *owner = &currencies[i];
        *mark = candidate;
      }

  return best;
}

static gboolean
currency_has_mark (const CurrencyInfo *info,
                   const char         *mark)
{
  if (info == NULL)
    return FALSE;

  for (guint j = 0; info->marks[j] != NULL; j++)
    if (g_ascii_strcasecmp (info->marks[j], mark) == 0)
      return TRUE;

  return FALSE;
}

typedef enum
{
  SEPARATOR_NONE,
  SEPARATOR_COMMA,
  SEPARATOR_APOSTROPHE,
  SEPARATOR_SPACE,
} Separator;

static Separator
separator_at (const char *p,
              gsize      *len)
{
  gunichar c = g_utf8_get_char (p);

  *len = g_utf8_next_char (p) - p;
  if (c == ',')
    return SEPARATOR_COMMA;
  if (c == '\'' || c == 0x2019)
    return SEPARATOR_APOSTROPHE;
  /* Not tabs or newlines: those separate fields, not digits. */
  if (c == ' ' || c == 0x00a0 || c == 0x2009 || c == 0x202f)
    return SEPARATOR_SPACE;

  return SEPARATOR_NONE;
}

typedef enum
{
  BODY_OK,
  BODY_INVALID,
  BODY_OVERFLOW,
} BodyResult;

static inline gboolean
push_digit (guint64 *value,
            guint    digit,
            guint64  limit)
{
  if (*value > (limit - digit) / 10)
    return FALSE;

  *value = *value * 10 + digit;
  return TRUE;
}

/* Reads "1,234.5678"-style digits in [@p, @end) into a magnitude in minor units. Thousands
 * separators must group by three; extra decimals round half away from zero. */
static BodyResult
parse_body (const char *p,
            const char *end,
            guint       digits,
            guint64     limit,
            guint64    *out)
{
  Separator separator = SEPARATOR_NONE;
  gboolean  overflow = FALSE;
  guint64   value = 0;
  guint     n_int = 0;
  guint     n_frac = 0;
  guint     group = 0;
  gboolean  round_up = FALSE;

  while (p < end && *p != '.')
    {
      if (g_ascii_isdigit (*p))
        {
          overflow |= !push_digit (&value, (guint) (*p - '0'), limit);
          group++;
          n_int++;
          p++;
        }
      else
        {
          gsize     len;
          Separator kind = separator_at (p, &len);

          if (kind == SEPARATOR_NONE || group == 0)
            return BODY_INVALID;
          if (separator == SEPARATOR_NONE ? group > 3 : (kind != separator || group != 3))
            return BODY_INVALID;

          separator = kind;
          group = 0;
          p += len;
        }
    }

  if (separator != SEPARATOR_NONE && group != 3)
    return BODY_INVALID;

  if (p < end)
    {
      p++;
      for (; p < end; p++)
        {
          if (!g_ascii_isdigit (*p))
            return BODY_INVALID;

          if (n_frac < digits)
            overflow |= !push_digit (&value, (guint) (*p - '0'), limit);
          else if (n_frac == digits)
            round_up = *p >= '5';
          n_frac++;
        }
    }

  if (n_int == 0 && n_frac == 0)
    return BODY_INVALID;

  for (guint i = n_frac; i < digits; i++)
    overflow |= !push_digit (&value, 0, limit);

  if (round_up)
    overflow |= value >= limit;
  if (overflow)
    return BODY_OVERFLOW;

  *out = round_up ? value + 1 : value;
  return BODY_OK;
}

/* Chinese input methods type full-width forms: "１２，３４５．６" and the ideographic space
 * read as their ASCII counterparts, "￥" as "¥". Only these: a general NFKC would also read
 * "5²" as "52". */
static char *
narrow_forms (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xff01 && c <= 0xff5e)
        c -= 0xfee0;
      else if (c == 0x3000)
        c = ' ';
      else if (c == 0xffe5)
        c = 0x00a5;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* "2000万", "1.2亿": the power of ten the suffix multiplies by, 0 without one. */
static guint
multiplier_at_end (const char *p,
                   const char *end,
                   gsize      *len)
{
  static const struct { const char *mark; guint power; } suffixes[] = {
    { "万", 4 }, { "萬", 4 }, { "亿", 8 }, { "億", 8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i].mark);

      if ((gsize) (end - p) >= n && memcmp (end - n, suffixes[i].mark, n) == 0)
        {
          *len = n;
          return suffixes[i].power;
        }
    }

  return 0;
}

/* The text as an error message may show it: valid UTF-8, not too long. */
static char *
quotable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *head = NULL;

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);

  head = g_utf8_substring (valid, 0, 39);
  return g_strconcat (head, "…", NULL);
}

gboolean
sp_money_parse (const char        *text,
                const SpCurrency  *currency,
                gint64            *out_minor,
                GError           **error)
{
  const CurrencyInfo *target;
  const CurrencyInfo *owner = NULL;
  const char         *mark = NULL;
  g_autofree char    *narrow = NULL;
  const char         *p, *end;
  gboolean            negative = FALSE;
  gboolean            has_sign;
  gsize               len;
  guint               power;
  guint64             value = 0;
  BodyResult          result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (currency->digits <= MAX_DIGITS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = currency_info (currency);

  if (!g_utf8_validate (text, -1, NULL))
    goto invalid;

  narrow = narrow_forms (text);
  end = narrow + strlen (narrow);
  p = skip_blanks (narrow, end);
  end = trim_blanks (p, end);
  if (p == end)
    {
      g_set_error_literal (error, SP_MONEY_ERROR, SP_MONEY_ERROR_EMPTY, _("Enter an amount"));
      return FALSE;
    }

  /* Accounting negatives: "(12.00)" */
  has_sign = end - p >= 2 && *p == '(' && end[-1] == ')';
  if (has_sign)
    {
      negative = TRUE;
      p = skip_blanks (p + 1, end - 1);
      end = trim_blanks (p, end - 1);
    }

  /* "-¥5", "¥-5", "¥ 5", "RMB 5", "5元", "5 CNY" */
  if (!has_sign && (len = sign_at (p, end, &negative)) > 0)
    {
      has_sign = TRUE;
      p = skip_blanks (p + len, end);
    }
  if ((len = match_mark (p, end, FALSE, &owner, &mark)) > 0)
    {
      p = skip_blanks (p + len, end);
      if (!has_sign && (len = sign_at (p, end, &negative)) > 0)
        {
          has_sign = TRUE;
          p = skip_blanks (p + len, end);
        }
    }
  else if ((len = match_mark (p, end, TRUE, &owner, &mark)) > 0)
    {
      end = trim_blanks (p, end - len);
    }

  if (mark != NULL && !currency_has_mark (target, mark))
    {
      g_autofree char *shown = quotable (text);

      /* TRANSLATORS: "“$5” is in USD, not CNY": the amount typed, then two currency codes */
      g_set_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_INVALID, _("“%s” is in %s, not %s"),
                   shown, owner->currency.code, currency->code);
      return FALSE;
    }

  /* "2000万元" = 20,000,000: the digits are read with four (or eight) more decimals. */
  power = multiplier_at_end (p, end, &len);
  if (power > 0)
    end = trim_blanks (p, end - len);

  result = parse_body (p, end, currency->digits + power,
                       negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64, &value);
  if (result == BODY_INVALID)
    goto invalid;
  if (result == BODY_OVERFLOW)
    {
      g_autofree char *shown = quotable (text);

      g_set_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_OVERFLOW,
                   _("“%s” is too large for an amount"), shown);
      return FALSE;
    }

  if (out_minor != NULL)
    {
      if (value == 0)
        *out_minor = 0;
      else
        *out_minor = negative ? -(gint64) (value - 1) - 1 : (gint64) value;
    }

  return TRUE;

invalid:
  {
    g_autofree char *shown = quotable (text);

    g_set_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_INVALID,
                 _("“%s” is not an amount"), shown);
    return FALSE;
  }
}

/* Formatting */

typedef struct
{
  char *decimal_point;
  char *thousands_sep;
  char *grouping;
} NumberFormat;

static void
number_format_init (NumberFormat *format)
{
  /* localeconv() returns static storage: copy what we need right away. */
  const struct lconv *lc = localeconv ();

  format->decimal_point = g_strdup (lc->decimal_point != NULL && lc->decimal_point[0] != '\0'
                                    ? lc->decimal_point : ".");
  format->thousands_sep = g_strdup (lc->thousands_sep != NULL && lc->thousands_sep[0] != '\0'
                                    ? lc->thousands_sep : ",");
  format->grouping = g_strdup (lc->grouping != NULL && lc->grouping[0] != '\0'
                               ? lc->grouping : "\3");
}

static void
number_format_clear (NumberFormat *format)
{
  g_clear_pointer (&format->decimal_point, g_free);
  g_clear_pointer (&format->thousands_sep, g_free);
  g_clear_pointer (&format->grouping, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NumberFormat, number_format_clear)

/* Appends @value with the locale's grouping (an lconv grouping string: sizes from the right,
 * the last one repeating, CHAR_MAX ending the grouping). */
static void
append_integer (GString            *out,
                guint64             value,
                const NumberFormat *format,
                gboolean            group)
{
  char        digits[24];
  gboolean    split_before[24] = { FALSE };
  int         n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  const char *g = format->grouping;
  int         pos = n;

  while (group && *g != '\0' && *g != CHAR_MAX && *g > 0 && pos > *g)
    {
      pos -= *g;
      split_before[pos] = TRUE;
      if (g[1] != '\0')
        g++;
    }

  for (int i = 0; i < n; i++)
    {
      if (split_before[i])
        g_string_append (out, format->thousands_sep);
      g_string_append_c (out, digits[i]);
    }
}

typedef struct
{
  guint64     size;
  const char *suffix;
} CompactUnit;

static const CompactUnit units_western[] = {
  { G_GUINT64_CONSTANT (1000), "K" },
  { G_GUINT64_CONSTANT (1000000), "M" },
  { G_GUINT64_CONSTANT (1000000000), "B" },
  { G_GUINT64_CONSTANT (1000000000000), "T" },
  { 0, NULL },
};

static const CompactUnit units_simplified[] = {
  { G_GUINT64_CONSTANT (10000), "万" },
  { G_GUINT64_CONSTANT (100000000), "亿" },
  { 0, NULL },
};

static const CompactUnit units_traditional[] = {
  { G_GUINT64_CONSTANT (10000), "萬" },
  { G_GUINT64_CONSTANT (100000000), "億" },
  { 0, NULL },
};

/* Chinese counts in 万 (10^4) and 亿 (10^8), the rest of the world in thousands. */
static const CompactUnit *
compact_units (void)
{
  const char *language = g_get_language_names ()[0];

  if (!g_str_has_prefix (language, "zh"))
    return units_western;

  if (g_str_has_prefix (language, "zh_TW")
      || g_str_has_prefix (language, "zh_HK")
      || g_str_has_prefix (language, "zh_MO")
      || strstr (language, "Hant") != NULL)
    return units_traditional;

  return units_simplified;
}

/* "1.2M", "120万", "950": one decimal at most, the largest unit the amount reaches. */
static void
append_compact (GString            *out,
                guint64             minor,
                guint64             per_major,
                const NumberFormat *format,
                gboolean            group)
{
  const CompactUnit *units = compact_units ();
  guint64            major;
  guint64            tenths;
  int                u = -1;

  mul_div_round_u64 (minor, 1, per_major, &major);
  while (units[u + 1].suffix != NULL && major >= units[u + 1].size)
    u++;

  if (u < 0)
    {
      append_integer (out, major, format, group);
      return;
    }

  /* Rounding may reach the next unit: 999,960 is "1M", not "1000K". */
  mul_div_round_u64 (minor, 10, per_major * units[u].size, &tenths);
  if (units[u + 1].suffix != NULL && tenths >= 10 * (units[u + 1].size / units[u].size))
    {
      u++;
      mul_div_round_u64 (minor, 10, per_major * units[u].size, &tenths);
    }

  append_integer (out, tenths / 10, format, group);
  if (tenths % 10 != 0)
    {
      g_string_append (out, format->decimal_point);
      g_string_append_c (out, (char) ('0' + tenths % 10));
    }
  g_string_append (out, units[u].suffix);
}

char *
sp_money_format (gint64              amount,
                 const SpCurrency   *currency,
                 SpMoneyFormatFlags  flags)
{
  g_auto (NumberFormat) format = { NULL, NULL, NULL };
  g_autoptr (GString) number = g_string_new (NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean group;
  guint64  minor;
  guint64  per_major;

  g_return_val_if_fail (currency != NULL, NULL);
  g_return_val_if_fail (currency->digits <= MAX_DIGITS, NULL);

  number_format_init (&format);
  group = (flags & SP_MONEY_FORMAT_NO_GROUPING) == 0;
  minor = magnitude (amount);
  per_major = powers_of_ten[currency->digits];

  if (flags & SP_MONEY_FORMAT_COMPACT)
    {
      append_compact (number, minor, per_major, &format, group);
    }
  else
    {
      append_integer (number, minor / per_major, &format, group);
      if (currency->digits > 0)
        {
          g_string_append (number, format.decimal_point);
          g_string_append_printf (number, "%0*" G_GUINT64_FORMAT,
                                  (int) currency->digits, minor % per_major);
        }
    }

  /* A compact amount can round to zero: show "¥0", not "-¥0". */
  if (amount < 0 && strpbrk (number->str, "123456789") != NULL)
    g_string_append_c (out, '-');
  if ((flags & SP_MONEY_FORMAT_NO_SYMBOL) == 0)
    g_string_append (out, currency->symbol);
  g_string_append_len (out, number->str, number->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
