/* test-money.c — parsing, exact arithmetic and display of money in minor units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "sp-money.h"

static const SpCurrency *
currency (const char *code)
{
  const SpCurrency *c = sp_currency_lookup (code);

  g_assert_nonnull (c);
  return c;
}

static void
test_currencies (void)
{
  static const struct
  {
    const char *code;
    const char *symbol;
    guint       digits;
    const char *name;
  } known[] = {
    { "CNY", "¥", 2, "Chinese yuan" },
    { "USD", "$", 2, "US dollar" },
    { "EUR", "€", 2, "Euro" },
    { "GBP", "£", 2, "Pound sterling" },
    { "JPY", "JP¥", 0, "Japanese yen" },
    { "HKD", "HK$", 2, "Hong Kong dollar" },
  };
  const SpCurrency * const *list = sp_currency_list ();
  SpCurrency custom = { "XAU", "XAU ", 2 };
  guint n = 0;

  for (; list[n] != NULL; n++)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (known));
      g_assert_cmpstr (list[n]->code, ==, known[n].code);
      g_assert_cmpstr (list[n]->symbol, ==, known[n].symbol);
      g_assert_cmpuint (list[n]->digits, ==, known[n].digits);
      g_assert_cmpstr (sp_currency_get_name (list[n]), ==, known[n].name);
      g_assert_true (sp_currency_lookup (known[n].code) == list[n]);
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (known));

  g_assert_true (sp_currency_lookup ("cny") == list[0]);
  g_assert_null (sp_currency_lookup ("XYZ"));
  g_assert_null (sp_currency_lookup (""));
  g_assert_null (sp_currency_lookup ("CN"));
  g_assert_cmpstr (sp_currency_get_name (&custom), ==, "XAU");
}

static void
assert_parses (const char *code,
               const char *text,
               gint64      expected)
{
  g_autoptr (GError) error = NULL;
  gint64 value = 42;

  if (!sp_money_parse (text, currency (code), &value, &error))
    g_error ("“%s” in %s: %s", text, code, error->message);
  g_assert_no_error (error);
  if (value != expected)
    g_error ("“%s” in %s: %" G_GINT64_FORMAT " instead of %" G_GINT64_FORMAT,
             text, code, value, expected);
}

static void
assert_rejects (const char *code,
                const char *text,
                int         expected_code)
{
  g_autoptr (GError) error = NULL;
  gint64 value = 42;

  if (sp_money_parse (text, currency (code), &value, &error))
    g_error ("“%s” in %s parsed as %" G_GINT64_FORMAT, text, code, value);
  g_assert_error (error, SP_MONEY_ERROR, expected_code);
  g_assert_cmpint (value, ==, 42);

  /* The message quotes what was typed, so a person can find it. */
  if (expected_code != SP_MONEY_ERROR_EMPTY && g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", text);

      if (strstr (error->message, quoted) == NULL)
        g_error ("“%s”: message “%s” does not quote the text", text, error->message);
    }
}

static void
test_parse_valid (void)
{
  static const struct
  {
    const char *code;
    const char *text;
    gint64      expected;
  } cases[] = {
    { "CNY", "1,234.56", 123456 },
    { "CNY", "¥1,234.56", 123456 },
    { "CNY", "￥1,234.56", 123456 },
    { "CNY", "¥ 1,234.56", 123456 },
    { "CNY", "CN¥1,234.56", 123456 },
    { "CNY", "1234.5", 123450 },
    { "CNY", "1234", 123400 },
    { "CNY", "957.5775", 95758 },
    { "CNY", "-957.5775", -95758 },
    { "CNY", "957.5749", 95757 },
    { "CNY", "0.005", 1 },
    { "CNY", "-0.005", -1 },
    { "CNY", "0.0049999", 0 },
    { "CNY", "-0.0049999", 0 },
    { "CNY", "0.015", 2 },
    { "CNY", "0.995", 100 },
    { "CNY", "-12", -1200 },
    { "CNY", "+12", 1200 },
    { "CNY", "−12", -1200 }, /* U+2212 MINUS SIGN */
    { "CNY", "(12.00)", -1200 },
    { "CNY", "( 12 )", -1200 },
    { "CNY", "(¥12.00)", -1200 },
    { "CNY", "-¥12", -1200 },
    { "CNY", "¥-12", -1200 },
    { "CNY", "- ¥ 12", -1200 },
    { "CNY", "1 234", 123400 },
    { "CNY", " 1 234 ", 123400 },
    { "CNY", "1 234 567.8", 123456780 },
    { "CNY", "1\u00a0234", 123400 },
    { "CNY", "1\u202f234.5", 123450 },
    { "CNY", "12'345", 1234500 },
    { "CNY", "\t1,234\n", 123400 },
    { "CNY", "RMB 5", 500 },
    { "CNY", "rmb5", 500 },
    { "CNY", "CNY 5", 500 },
    { "CNY", "5 CNY", 500 },
    { "CNY", "5元", 500 },
    { "CNY", "5 元", 500 },
    { "CNY", "-5元", -500 },
    { "CNY", "人民币5", 500 },
    { "CNY", ".5", 50 },
    { "CNY", "5.", 500 },
    /* 万 and 亿, as a Chinese manager types and the compact display shows them */
    { "CNY", "2000万", 2000000000 },
    { "CNY", "2000 万", 2000000000 },
    { "CNY", "2000万元", 2000000000 },
    { "CNY", "¥4,026万", 4026000000 },
    { "CNY", "1.5亿", 15000000000 },
    { "CNY", "-1.5亿元", -15000000000 },
    { "CNY", "0.00001万", 10 },
    { "CNY", "0.000015万", 15 },
    { "CNY", "0.0000155万", 16 },
    { "CNY", "12.3萬", 12300000 },
    { "USD", "3万", 3000000 },
    { "JPY", "3万", 30000 },
    /* Full-width digits, comma, point, minus, parentheses and space from an input method */
    { "CNY", "１２", 1200 },
    { "CNY", "１２，３４５．６７", 1234567 },
    { "CNY", "－１２", -1200 },
    { "CNY", "（１２）", -1200 },
    { "CNY", "￥　１２", 1200 },
    { "CNY", "２０００万", 2000000000 },
    { "CNY", "0", 0 },
    { "CNY", "-0", 0 },
    { "CNY", "007", 700 },
    { "CNY", "1,234,567.891", 123456789 },
    { "CNY", "92233720368547758.07", G_MAXINT64 },
    { "CNY", "-92233720368547758.08", G_MININT64 },
    { "CNY", "92233720368547758.0649", G_MAXINT64 - 1 },
    { "CNY", "0.00000000000000000000000000000000000000000001", 0 },
    { "USD", "$1,234.56", 123456 },
    { "USD", "US$5", 500 },
    { "USD", "usd 5", 500 },
    { "USD", "-$0.99", -99 },
    { "EUR", "€5", 500 },
    { "EUR", "5 €", 500 },
    { "EUR", "5€", 500 },
    { "EUR", "EUR 1,000", 100000 },
    { "GBP", "£5.50", 550 },
    { "JPY", "1234", 1234 },
    { "JPY", "1,234", 1234 },
    { "JPY", "¥1,234", 1234 },
    { "JPY", "JP¥1,234", 1234 },
    { "JPY", "1234.5", 1235 },
    { "JPY", "1234.49", 1234 },
    { "JPY", "-0.5", -1 },
    { "JPY", "5円", 5 },
    { "JPY", "9223372036854775807", G_MAXINT64 },
    { "HKD", "HK$5", 500 },
    { "HKD", "$5", 500 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses (cases[i].code, cases[i].text, cases[i].expected);

  /* The out value and the error are optional. */
  g_assert_true (sp_money_parse ("5", currency ("CNY"), NULL, NULL));
  g_assert_false (sp_money_parse ("x", currency ("CNY"), NULL, NULL));
}

static void
test_parse_invalid (void)
{
  static const char *invalid[] = {
    "1.2.3", "1,2,3.4.5", "12x", "x12", "abc", "--5", "+-5", "-+5", "1e5", "1E5", "-", "+",
    ".", "-.", "¥", "RMB", "(12", "12)", "(-12)", "-(12)", "()", "1,23", "12,34.5",
    "1234,567", "1,,234", ",123", "1,234,", "1, 234", "1,234 567", "1 2", "5-", "万",
    "0x10", "١٢", "5²", "５²", "万5", "5万万", "5万亿", "¥5元", "5¥5", "NaN", "inf", "1.5.", "1..5", "12.3.", "5 5 5",
    "1,234.5,6", "12,345'678", "1\t234", "1\n234", "5%", "¥¥5", "RMB RMB 5", "5 元 元", "1.-5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    assert_rejects ("CNY", invalid[i], SP_MONEY_ERROR_INVALID);

  /* Not valid UTF-8 */
  assert_rejects ("CNY", "12\xff", SP_MONEY_ERROR_INVALID);

  /* Another currency's symbol is not silently taken for this one. */
  assert_rejects ("CNY", "$5", SP_MONEY_ERROR_INVALID);
  assert_rejects ("CNY", "5 USD", SP_MONEY_ERROR_INVALID);
  assert_rejects ("USD", "¥5", SP_MONEY_ERROR_INVALID);
  assert_rejects ("USD", "€5", SP_MONEY_ERROR_INVALID);
  assert_rejects ("USD", "HK$5", SP_MONEY_ERROR_INVALID);
  assert_rejects ("JPY", "5元", SP_MONEY_ERROR_INVALID);
  assert_rejects ("CNY", "JP¥5", SP_MONEY_ERROR_INVALID);

  {
    g_autoptr (GError) error = NULL;

    g_assert_false (sp_money_parse ("$5", currency ("CNY"), NULL, &error));
    g_assert_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "“$5” is in USD, not CNY");
  }
  {
    g_autoptr (GError) error = NULL;

    g_assert_false (sp_money_parse ("12x", currency ("CNY"), NULL, &error));
    g_assert_cmpstr (error->message, ==, "“12x” is not an amount");
  }

  /* A very long text is shortened in the message. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *text = g_strnfill (200, 'x');

    g_assert_false (sp_money_parse (text, currency ("CNY"), NULL, &error));
    g_assert_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_INVALID);
    g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 80);
    g_assert_nonnull (strstr (error->message, "xxxxxxxxxx…”"));
  }
}

static void
test_parse_empty (void)
{
  static const char *empty[] = { "", " ", "   ", "\t\n", "\u00a0", "\u3000" };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    assert_rejects ("CNY", empty[i], SP_MONEY_ERROR_EMPTY);
}

static void
test_parse_overflow (void)
{
  static const struct
  {
    const char *code;
    const char *text;
  } cases[] = {
    { "CNY", "99999999999999999999" },
    { "CNY", "92233720368547758.08" },
    { "CNY", "-92233720368547758.09" },
    { "CNY", "92233720368547758.075" },
    { "CNY", "¥92,233,720,368,547,758.08" },
    { "CNY", "(92233720368547758.09)" },
    { "JPY", "9223372036854775808" },
    { "JPY", "9223372036854775807.5" },
    { "CNY", "1000000000000000000000000000000000000000" },
    { "CNY", "9223372036854.7759万" },
    { "CNY", "922337203.68547758075亿" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_rejects (cases[i].code, cases[i].text, SP_MONEY_ERROR_OVERFLOW);

  /* Garbage wins over size: this is not an amount at all. */
  assert_rejects ("CNY", "99999999999999999999x", SP_MONEY_ERROR_INVALID);
  assert_parses ("JPY", "-9223372036854775808", G_MININT64);
  assert_rejects ("JPY", "-9223372036854775809", SP_MONEY_ERROR_OVERFLOW);
}

static gint64
reference_scale (gint64 amount,
                 gint64 numerator,
                 gint64 denominator)
{
#ifdef __SIZEOF_INT128__
  __int128 product = (__int128) amount * numerator;
  __int128 q = product / denominator;
  __int128 r = product % denominator;
  __int128 abs_r = r < 0 ? -r : r;
  __int128 abs_d = denominator < 0 ? -(__int128) denominator : denominator;

  if (2 * abs_r >= abs_d)
    q += (product < 0) != (denominator < 0) ? -1 : 1;
  if (q > G_MAXINT64)
    return G_MAXINT64;
  if (q < G_MININT64)
    return G_MININT64;
  return (gint64) q;
#else
  g_test_skip ("no 128-bit integers");
  return 0;
#endif
}

static void
test_scale (void)
{
  static const struct
  {
    gint64 amount, numerator, denominator, expected;
  } cases[] = {
    { 100, 1, 3, 33 },
    { 200, 1, 3, 67 },
    { -200, 1, 3, -67 },
    { 150, 1, 100, 2 },
    { 149, 1, 100, 1 },
    { -150, 1, 100, -2 },
    { 150, -1, 100, -2 },
    { 150, 1, -100, -2 },
    { -150, -1, 100, 2 },
    { -150, -1, -100, -2 },
    { 5, 1, 2, 3 },
    { -5, 1, 2, -3 },
    { 0, 7, 3, 0 },
    { 7, 0, 3, 0 },
    { 1000000000000000, 7, 3, 2333333333333333 },
    { 2000000000000000, 7, 3, 4666666666666667 },
    { -2000000000000000, 7, 3, -4666666666666667 },
    { 1000000000000000, 1000000000000000, 3000000000000000, 333333333333333 },
    { G_MAXINT64, 2, 2, G_MAXINT64 },
    { G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64 },
    { G_MAXINT64, G_MAXINT64 - 1, G_MAXINT64, G_MAXINT64 - 1 },
    { G_MININT64, 1, 1, G_MININT64 },
    { G_MININT64, G_MININT64, G_MININT64, G_MININT64 },
    { G_MININT64, 1, 2, G_MININT64 / 2 },
    { G_MININT64, -1, 2, -(G_MININT64 / 2) },
    { G_MININT64 + 1, 1, -1, G_MAXINT64 },
    /* Results that do not fit saturate. */
    { G_MININT64, -1, 1, G_MAXINT64 },
    { G_MAXINT64, 3, 2, G_MAXINT64 },
    { G_MAXINT64, -3, 2, G_MININT64 },
    { G_MAXINT64, G_MAXINT64, 1, G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 result = sp_money_scale (cases[i].amount, cases[i].numerator, cases[i].denominator);

      if (result != cases[i].expected)
        g_error ("%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT
                 " = %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 cases[i].amount, cases[i].numerator, cases[i].denominator, result,
                 cases[i].expected);
    }

  if (g_test_undefined ())
    {
      g_test_expect_message ("sp-money", G_LOG_LEVEL_CRITICAL, "*denominator != 0*");
      g_assert_cmpint (sp_money_scale (1, 1, 0), ==, 0);
      g_test_assert_expected_messages ();
    }
}

/* Random operands of every size against 128-bit arithmetic. */
static void
test_scale_random (void)
{
  for (guint i = 0; i < 100000; i++)
    {
      gint64 v[3];

      for (guint k = 0; k < 3; k++)
        {
          guint   bits = g_test_rand_int_range (1, 64);
          guint64 raw = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();

          v[k] = (gint64) (raw >> (64 - bits));
          if (g_test_rand_bit ())
            v[k] = -v[k];
        }
      if (v[2] == 0)
        v[2] = 1;

      g_assert_cmpint (sp_money_scale (v[0], v[1], v[2]), ==, reference_scale (v[0], v[1], v[2]));
    }
}

static void
test_apply_percent (void)
{
  /* 12.5% of ¥957.58 is ¥119.6975 */
  g_assert_cmpint (sp_money_apply_percent (95758, 1250), ==, 11970);
  g_assert_cmpint (sp_money_apply_percent (-95758, 1250), ==, -11970);
  g_assert_cmpint (sp_money_apply_percent (95758, -1250), ==, -11970);
  g_assert_cmpint (sp_money_apply_percent (95758, 10000), ==, 95758);
  g_assert_cmpint (sp_money_apply_percent (95758, 0), ==, 0);
  g_assert_cmpint (sp_money_apply_percent (95758, 20000), ==, 191516);
  /* 0.5% of ¥1.00 is half a fen. */
  g_assert_cmpint (sp_money_apply_percent (100, 50), ==, 1);
  g_assert_cmpint (sp_money_apply_percent (-100, 50), ==, -1);
  g_assert_cmpint (sp_money_apply_percent (100, 49), ==, 0);
  g_assert_cmpint (sp_money_apply_percent (1, 5000), ==, 1);
  g_assert_cmpint (sp_money_apply_percent (1, 4999), ==, 0);
  /* 8% growth on ¥12,000,000.00 */
  g_assert_cmpint (sp_money_apply_percent (1200000000, 800), ==, 96000000);
  g_assert_cmpint (sp_money_apply_percent (G_MAXINT64, 10000), ==, G_MAXINT64);
  g_assert_cmpint (sp_money_apply_percent (G_MAXINT64, 5000), ==, G_MAXINT64 / 2 + 1);
}

static void
assert_format (gint64              amount,
               const char         *code,
               SpMoneyFormatFlags  flags,
               const char         *expected)
{
  g_autofree char *text = sp_money_format (amount, currency (code), flags);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%" G_GINT64_FORMAT " %s (flags %d): “%s”, expected “%s”",
             amount, code, flags, text, expected);
}

static void
test_format (void)
{
  const SpMoneyFormatFlags plain = SP_MONEY_FORMAT_NO_SYMBOL | SP_MONEY_FORMAT_NO_GROUPING;

  assert_format (123456, "CNY", SP_MONEY_FORMAT_DEFAULT, "¥1,234.56");
  assert_format (-123456, "CNY", SP_MONEY_FORMAT_DEFAULT, "-¥1,234.56");
  assert_format (0, "CNY", SP_MONEY_FORMAT_DEFAULT, "¥0.00");
  assert_format (5, "CNY", SP_MONEY_FORMAT_DEFAULT, "¥0.05");
  assert_format (-5, "CNY", SP_MONEY_FORMAT_DEFAULT, "-¥0.05");
  assert_format (99999, "CNY", SP_MONEY_FORMAT_DEFAULT, "¥999.99");
  assert_format (100000, "CNY", SP_MONEY_FORMAT_DEFAULT, "¥1,000.00");
  assert_format (100000000, "CNY", SP_MONEY_FORMAT_DEFAULT, "¥1,000,000.00");
  assert_format (G_MAXINT64, "CNY", SP_MONEY_FORMAT_DEFAULT, "¥92,233,720,368,547,758.07");
  assert_format (G_MININT64, "CNY", SP_MONEY_FORMAT_DEFAULT, "-¥92,233,720,368,547,758.08");
  assert_format (123456, "CNY", SP_MONEY_FORMAT_NO_SYMBOL, "1,234.56");
  assert_format (123456, "CNY", SP_MONEY_FORMAT_NO_GROUPING, "¥1234.56");
  assert_format (123456, "CNY", plain, "1234.56");
  assert_format (-123456789, "CNY", plain, "-1234567.89");

  assert_format (1234, "JPY", SP_MONEY_FORMAT_DEFAULT, "JP¥1,234");
  assert_format (-1234567, "JPY", SP_MONEY_FORMAT_DEFAULT, "-JP¥1,234,567");
  assert_format (0, "JPY", SP_MONEY_FORMAT_DEFAULT, "JP¥0");
  assert_format (999, "JPY", plain, "999");
  assert_format (123456, "USD", SP_MONEY_FORMAT_DEFAULT, "$1,234.56");
  assert_format (500, "EUR", SP_MONEY_FORMAT_DEFAULT, "€5.00");
  assert_format (-550, "GBP", SP_MONEY_FORMAT_DEFAULT, "-£5.50");
  assert_format (100000, "HKD", SP_MONEY_FORMAT_DEFAULT, "HK$1,000.00");
}

static void
test_format_compact (void)
{
  const SpMoneyFormatFlags compact = SP_MONEY_FORMAT_COMPACT;

  assert_format (123456789, "CNY", compact, "¥1.2M");
  assert_format (120000000, "CNY", compact, "¥1.2M");
  assert_format (100000000, "CNY", compact, "¥1M");
  assert_format (-123456789, "CNY", compact, "-¥1.2M");
  assert_format (123456789, "CNY", compact | SP_MONEY_FORMAT_NO_SYMBOL, "1.2M");
  assert_format (95000, "CNY", compact, "¥950");
  assert_format (99949, "CNY", compact, "¥999");
  assert_format (99950, "CNY", compact, "¥1K");
  assert_format (123400, "CNY", compact, "¥1.2K");
  assert_format (125000, "CNY", compact, "¥1.3K");
  assert_format (99994000, "CNY", compact, "¥999.9K");
  assert_format (99996000, "CNY", compact, "¥1M");
  assert_format (999950000, "CNY", compact, "¥10M");
  assert_format (G_GINT64_CONSTANT (100000000000), "CNY", compact, "¥1B");
  assert_format (G_GINT64_CONSTANT (150000000000000), "CNY", compact, "¥1.5T");
  assert_format (G_MAXINT64, "CNY", compact, "¥92,233.7T");
  assert_format (G_MAXINT64, "CNY", compact | SP_MONEY_FORMAT_NO_GROUPING, "¥92233.7T");
  assert_format (G_MININT64, "CNY", compact, "-¥92,233.7T");
  assert_format (0, "CNY", compact, "¥0");
  assert_format (-40, "CNY", compact, "¥0");
  assert_format (-50, "CNY", compact, "-¥1");
  assert_format (1234567, "JPY", compact, "JP¥1.2M");
  assert_format (999, "JPY", compact, "JP¥999");
}

static void
test_format_compact_chinese (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  const SpMoneyFormatFlags compact = SP_MONEY_FORMAT_COMPACT;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  assert_format (120000000, "CNY", compact, "¥120万");
  assert_format (G_GINT64_CONSTANT (12000000000), "CNY", compact, "¥1.2亿");
  assert_format (G_GINT64_CONSTANT (-12000000000), "CNY", compact, "-¥1.2亿");
  assert_format (1234500, "CNY", compact, "¥1.2万");
  assert_format (999900, "CNY", compact, "¥9,999");
  assert_format (999960, "CNY", compact, "¥1万");
  assert_format (9999500000, "CNY", compact, "¥9,999.5万");
  assert_format (9999960000, "CNY", compact, "¥1亿");
  assert_format (G_MAXINT64, "CNY", compact, "¥922,337,203.7亿");
  assert_format (123456, "CNY", SP_MONEY_FORMAT_DEFAULT, "¥1,234.56");

  g_setenv ("LANGUAGE", "zh_TW:zh", TRUE);
  assert_format (120000000, "CNY", compact, "¥120萬");
  assert_format (G_GINT64_CONSTANT (12000000000), "HKD", compact, "HK$1.2億");

  g_setenv ("LANGUAGE", "en_GB", TRUE);
  assert_format (120000000, "CNY", compact, "¥1.2M");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* Any gint64, small ones as often as large ones. */
static gint64
random_amount (void)
{
  guint64 raw = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();

  return (gint64) raw >> g_test_rand_int_range (0, 63);
}

/* What the app shows, the app reads back. */
static void
test_round_trip (void)
{
  const SpCurrency * const *list = sp_currency_list ();
  static const gint64 fixed[] = { 0, 1, -1, 99, 100, 123456, -123456789, G_MAXINT64, G_MININT64 };

  for (guint c = 0; list[c] != NULL; c++)
    for (guint i = 0; i < G_N_ELEMENTS (fixed) + 2000; i++)
      {
        gint64 amount = i < G_N_ELEMENTS (fixed) ? fixed[i] : random_amount ();
        SpMoneyFormatFlags flags[] = {
          SP_MONEY_FORMAT_DEFAULT,
          SP_MONEY_FORMAT_NO_SYMBOL,
          SP_MONEY_FORMAT_NO_GROUPING,
          SP_MONEY_FORMAT_NO_SYMBOL | SP_MONEY_FORMAT_NO_GROUPING,
        };

        for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
          {
            g_autofree char *text = sp_money_format (amount, list[c], flags[f]);
            g_autoptr (GError) error = NULL;
            gint64 parsed = 0;

            if (!sp_money_parse (text, list[c], &parsed, &error))
              g_error ("“%s”: %s", text, error->message);
            g_assert_cmpint (parsed, ==, amount);
          }
      }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/currencies", test_currencies);
  g_test_add_func ("/money/parse/valid", test_parse_valid);
  g_test_add_func ("/money/parse/invalid", test_parse_invalid);
  g_test_add_func ("/money/parse/empty", test_parse_empty);
  g_test_add_func ("/money/parse/overflow", test_parse_overflow);
  g_test_add_func ("/money/scale", test_scale);
  g_test_add_func ("/money/scale/random", test_scale_random);
  g_test_add_func ("/money/apply-percent", test_apply_percent);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/format/compact", test_format_compact);
  g_test_add_func ("/money/format/compact-chinese", test_format_compact_chinese);
  g_test_add_func ("/money/round-trip", test_round_trip);

  return g_test_run ();
}
