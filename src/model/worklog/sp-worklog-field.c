/* sp-worklog-field.c — the fields of a work log entry: keys, labels, and what may be typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worklog"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-worklog.h"

G_DEFINE_QUARK (sp-worklog-error-quark, sp_worklog_error)

G_STATIC_ASSERT ((int) SP_WORKLOG_FIELD_PROSPECTS == (int) SP_WORKLOAD_PROSPECTS);
G_STATIC_ASSERT ((int) SP_WORKLOG_FIELD_APPOINTMENTS == (int) SP_WORKLOAD_APPOINTMENTS);
G_STATIC_ASSERT ((int) SP_WORKLOG_FIELD_PRESENTATIONS == (int) SP_WORKLOAD_PRESENTATIONS);
G_STATIC_ASSERT ((int) SP_WORKLOG_FIELD_OBJECTIONS == (int) SP_WORKLOAD_OBJECTIONS);
G_STATIC_ASSERT ((int) SP_WORKLOG_FIELD_CLOSES == (int) SP_WORKLOAD_CLOSES);
G_STATIC_ASSERT (SP_WORKLOG_FIELD_TOMORROW_PLAN + 1 == SP_WORKLOG_N_FIELDS);

typedef struct
{
  const char    *key;   /* also the column name */
  SpWorklogKind  kind;
  const char    *label; /* NULL: the activity's name from sp-workload */
} FieldInfo;

static const FieldInfo fields[SP_WORKLOG_N_FIELDS] = {
  { "prospects", SP_WORKLOG_KIND_COUNT, NULL },
  { "appointments", SP_WORKLOG_KIND_COUNT, NULL },
  { "presentations", SP_WORKLOG_KIND_COUNT, NULL },
  { "objections", SP_WORKLOG_KIND_COUNT, NULL },
  { "closes", SP_WORKLOG_KIND_COUNT, NULL },
  /* Translators: 单量, the number of orders a rep took that day */
  { "orders", SP_WORKLOG_KIND_COUNT, NC_("work log field", "Orders") },
  /* Translators: 销售额/业绩 */
  { "revenue", SP_WORKLOG_KIND_MONEY, NC_("work log field", "Revenue") },
  /* Translators: 客户开发量, customers won for the first time */
  { "new_customers", SP_WORKLOG_KIND_COUNT, NC_("work log field", "New customers") },
  /* Translators: 复购量 */
  { "repeat_purchases", SP_WORKLOG_KIND_COUNT, NC_("work log field", "Repeat purchases") },
  /* Translators: 回款, money received from customers that day */
  { "collected", SP_WORKLOG_KIND_MONEY, NC_("work log field", "Collected") },
  /* Translators: 今日总结 */
  { "summary", SP_WORKLOG_KIND_NOTE, NC_("work log field", "Today’s summary") },
  /* Translators: 遇到的问题 */
  { "problems", SP_WORKLOG_KIND_NOTE, NC_("work log field", "Problems encountered") },
  /* Translators: 需要的帮助 */
  { "help_needed", SP_WORKLOG_KIND_NOTE, NC_("work log field", "Help needed") },
  /* Translators: 明日计划 */
  { "tomorrow_plan", SP_WORKLOG_KIND_NOTE, NC_("work log field", "Tomorrow’s plan") },
};

/* Fields */

const char *
sp_worklog_field_get_key (SpWorklogField field)
{
  g_return_val_if_fail ((guint) field < SP_WORKLOG_N_FIELDS, NULL);

  return fields[field].key;
}

gboolean
sp_worklog_field_from_key (const char     *key,
                           SpWorklogField *field)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < SP_WORKLOG_N_FIELDS; i++)
    if (g_str_equal (key, fields[i].key))
      {
        if (field != NULL)
          *field = (SpWorklogField) i;
        return TRUE;
      }

  return FALSE;
}

const char *
sp_worklog_field_get_label (SpWorklogField field)
{
  g_return_val_if_fail ((guint) field < SP_WORKLOG_N_FIELDS, NULL);

  if (fields[field].label == NULL)
    return sp_workload_stage_get_name ((SpWorkloadStage) field);

  return g_dpgettext2 (GETTEXT_PACKAGE, "work log field", fields[field].label);
}

SpWorklogKind
sp_worklog_field_get_kind (SpWorklogField field)
{
  g_return_val_if_fail ((guint) field < SP_WORKLOG_N_FIELDS, SP_WORKLOG_KIND_NOTE);

  return fields[field].kind;
}

/* Values */

/* What was typed, as an error message shows it: valid UTF-8, at most 40 characters. */
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

static gboolean
refuse (GError         **error,
        SpWorklogField   field,
        const char      *reason)
{
  /* Translators: a work log field ("Prospecting"), then why its value was refused */
  g_set_error (error, SP_WORKLOG_ERROR, SP_WORKLOG_ERROR_INVALID, _("%s: %s"),
               sp_worklog_field_get_label (field), reason);
  return FALSE;
}

/* "1,000,000,000": the digits with "," every three, as the counts are typed. */
static char *
format_count (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && digits[0] != '-' && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

typedef enum
{
  COUNT_OK,
  COUNT_NOT_A_NUMBER,
  COUNT_NOT_WHOLE,
  COUNT_NEGATIVE,
  COUNT_TOO_LARGE,
} CountResult;

/* @p is NFKC-normalised and trimmed: [+-] digits with optional "," groups of three, then an
 * optional fraction that must be zero. */
static CountResult
scan_count (const char *p,
            gint64     *out)
{
  gboolean negative = FALSE;
  gboolean too_large = FALSE;
  gboolean grouped = FALSE;
  gint64 value = 0;
  guint group = 0;
  guint n_digits = 0;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';

  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',')
        {
          /* The first group has one to three digits, every later group three. */
          if (group == 0 || group > 3 || (grouped && group != 3))
            return COUNT_NOT_A_NUMBER;
          grouped = TRUE;
          group = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return COUNT_NOT_A_NUMBER;

      if (value > SP_WORKLOG_MAX_COUNT)
        too_large = TRUE;
      else
        value = value * 10 + (*p - '0');
      group++;
      n_digits++;
    }

  if (n_digits == 0 || (grouped && group != 3))
    return COUNT_NOT_A_NUMBER;

  if (*p == '.')
    {
      gboolean fraction = FALSE;

      for (p++; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return COUNT_NOT_A_NUMBER;
          fraction |= *p != '0';
        }
      if (fraction)
        return negative ? COUNT_NEGATIVE : COUNT_NOT_WHOLE;
    }

  if (negative && value != 0)
    return COUNT_NEGATIVE;
  if (too_large || value > SP_WORKLOG_MAX_COUNT)
    return COUNT_TOO_LARGE;

  *out = value;
  return COUNT_OK;
}

static gboolean
parse_count (SpWorklogField   field,
             const char      *text,
             gint64          *value,
             GError         **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *shown = quotable (text);
  g_autofree char *reason = NULL;
  CountResult result = COUNT_NOT_A_NUMBER;

  /* NFKC reads full-width digits, commas and spaces (what a Chinese input method in
   * full-width mode types) as their ASCII forms. */
  if (g_utf8_validate (text, -1, NULL))
    normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  if (normal != NULL)
    {
      g_strstrip (normal);
      if (*normal == '\0')
        {
          *value = 0;
          return TRUE;
        }
      result = scan_count (normal, value);
    }

  switch (result)
    {
    case COUNT_OK:
      return TRUE;
    case COUNT_NOT_A_NUMBER:
      reason = g_strdup_printf (_("“%s” is not a number; enter a count such as 12"), shown);
      break;
    case COUNT_NOT_WHOLE:
      reason = g_strdup_printf (_("“%s” is not a whole number"), shown);
      break;
    case COUNT_NEGATIVE:
      reason = g_strdup_printf (_("“%s” is negative; enter zero or more"), shown);
      break;
    case COUNT_TOO_LARGE:
      {
        g_autofree char *max = format_count (SP_WORKLOG_MAX_COUNT);

        /* Translators: what was typed, then the largest value allowed */
        reason = g_strdup_printf (_("“%s” is more than %s"), shown, max);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  return refuse (error, field, reason);
}

static gboolean
parse_money (SpWorklogField     field,
             const char        *text,
             const SpCurrency  *currency,
             gint64            *value,
             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = quotable (text);
  g_autofree char *reason = NULL;
  gint64 amount = 0;

  if (!sp_money_parse (text, currency, &amount, &local_error))
    {
      if (g_error_matches (local_error, SP_MONEY_ERROR, SP_MONEY_ERROR_EMPTY))
        {
          *value = 0;
          return TRUE;
        }
      return refuse (error, field, local_error->message);
    }

  if (amount < 0)
    {
      reason = g_strdup_printf (_("“%s” is negative; enter zero or more"), shown);
      return refuse (error, field, reason);
    }
  if (amount > SP_WORKLOG_MAX_AMOUNT)
    {
      g_autofree char *max = sp_money_format (SP_WORKLOG_MAX_AMOUNT, currency,
                                              SP_MONEY_FORMAT_DEFAULT);

      reason = g_strdup_printf (_("“%s” is more than %s"), shown, max);
      return refuse (error, field, reason);
    }

  *value = amount;
  return TRUE;
}

/* Valid UTF-8 without trailing whitespace (Unicode spaces included: U+3000 is common). */
static char *
trim_note (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text)
    {
      const char *prev = g_utf8_find_prev_char (text, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (text, end - text);
}

static gboolean
parse_note (SpWorklogField   field,
            const char      *text,
            char           **note,
            GError         **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    return refuse (error, field, _("the text is not valid UTF-8"));

  if (note != NULL)
    *note = trim_note (text);
  return TRUE;
}

gboolean
sp_worklog_field_parse (SpWorklogField     field,
                        const char        *text,
                        const SpCurrency  *currency,
                        gint64            *value,
                        char             **note,
                        GError           **error)
{
  gint64 number = 0;

  g_return_val_if_fail ((guint) field < SP_WORKLOG_N_FIELDS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (note != NULL)
    *note = NULL;

  switch (fields[field].kind)
    {
    case SP_WORKLOG_KIND_COUNT:
      if (!parse_count (field, text, &number, error))
        return FALSE;
      break;
    case SP_WORKLOG_KIND_MONEY:
      if (!parse_money (field, text, currency, &number, error))
        return FALSE;
      break;
    case SP_WORKLOG_KIND_NOTE:
      if (!parse_note (field, text, note, error))
        return FALSE;
      break;
    default:
      g_assert_not_reached ();
    }

  if (value != NULL)
    *value = number;
  return TRUE;
}

gboolean
sp_worklog_field_check_value (SpWorklogField     field,
                              gint64             value,
                              const SpCurrency  *currency,
                              GError           **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *reason = NULL;
  gint64 max;

  g_return_val_if_fail ((guint) field < SP_WORKLOG_N_VALUES, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  max = fields[field].kind == SP_WORKLOG_KIND_MONEY ? SP_WORKLOG_MAX_AMOUNT : SP_WORKLOG_MAX_COUNT;
  if (value >= 0 && value <= max)
    return TRUE;

  if (fields[field].kind == SP_WORKLOG_KIND_MONEY)
    shown = sp_money_format (value, currency, SP_MONEY_FORMAT_DEFAULT);
  else
    shown = format_count (value);

  if (value < 0)
    {
      reason = g_strdup_printf (_("“%s” is negative; enter zero or more"), shown);
    }
  else
    {
      g_autofree char *max_text = fields[field].kind == SP_WORKLOG_KIND_MONEY
        ? sp_money_format (max, currency, SP_MONEY_FORMAT_DEFAULT)
        : format_count (max);

      reason = g_strdup_printf (_("“%s” is more than %s"), shown, max_text);
    }

  return refuse (error, field, reason);
}

