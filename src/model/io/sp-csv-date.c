/* sp-csv-date.c — date cells as spreadsheets write them, read strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-csv.h"

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

/* 1 to @max digits → TRUE with the value; advances @p. */
static gboolean
read_number (const char **p,
             guint        min,
             guint        max,
             guint       *out)
{
  guint n = 0;
  guint value = 0;

  while (g_ascii_isdigit ((*p)[n]) && n < max)
    {
      value = value * 10 + (guint) ((*p)[n] - '0');
      n++;
    }
  if (n < min || g_ascii_isdigit ((*p)[n]))
    return FALSE;

  *p += n;
  *out = value;
  return TRUE;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

static gboolean
skip_literal (const char **p,
              const char  *literal)
{
  const char *q = skip_spaces (*p);

  if (!g_str_has_prefix (q, literal))
    return FALSE;

  *p = skip_spaces (q + strlen (literal));
  return TRUE;
}

/* An ignored time of day: " 0:00", " 08:30:00", "T08:30:00.000Z". */
static gboolean
is_time_or_end (const char *p)
{
  guint h, m, s = 0;

  if (*p == '\0')
    return TRUE;
  if (*p != ' ' && *p != 'T')
    return FALSE;
  p = skip_spaces (p + 1);
  if (!read_number (&p, 1, 2, &h) || *p++ != ':' || !read_number (&p, 2, 2, &m))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, 2, &s))
        return FALSE;
      if (*p == '.')
        for (p++; g_ascii_isdigit (*p); p++)
          ;
    }
  if (*p == 'Z')
    p++;

  return *p == '\0' && h < 24 && m < 60 && s < 60;
}

static void
set_dmy (GDate *out,
         guint  day,
         guint  month,
         guint  year)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
valid_dmy (guint day,
           guint month,
           guint year)
{
  return month >= 1 && month <= 12 && day <= 31
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

gboolean
sp_csv_parse_date (const char      *text,
                   SpCsvDateOrder   order,
                   GDate           *out,
                   GError         **error)
{
  g_autofree char *norm = NULL;
  g_autofree char *shown = NULL;
  const char *p;
  guint a, b, year;
  char sep;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (order <= SP_CSV_DATE_ORDER_MDY, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* NFKC: full-width digits and separators as spreadsheets on Chinese systems may write. */
  if (g_utf8_validate (text, -1, NULL))
    norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (norm == NULL)
    goto not_a_date;
  p = g_strstrip (norm);
  if (*p == '\0')
    {
      g_set_error_literal (error, SP_CSV_ERROR, SP_CSV_ERROR_DATE, _("Enter a date"));
      return FALSE;
    }

  if (read_number (&p, 4, 4, &year))
    {
      /* Year first: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日 */
      if (skip_literal (&p, "年"))
        {
          if (!read_number (&p, 1, 2, &a) || !skip_literal (&p, "月")
              || !read_number (&p, 1, 2, &b))
            goto not_a_date;
          if (g_str_has_prefix (skip_spaces (p), "日"))
            p = skip_spaces (p) + strlen ("日");
        }
      else
        {
          sep = *p;
          if ((sep != '-' && sep != '/' && sep != '.') || (p++, !read_number (&p, 1, 2, &a))
              || *p++ != sep || !read_number (&p, 1, 2, &b))
            goto not_a_date;
        }
      if (!is_time_or_end (p))
        goto not_a_date;
      if (!valid_dmy (b, a, year))
        goto not_a_day;
      set_dmy (out, b, a, year);
      return TRUE;
    }

  /* Year last: 05/03/2026 */
  if (!read_number (&p, 1, 2, &a))
    goto not_a_date;
  sep = *p;
  if ((sep != '-' && sep != '/' && sep != '.') || (p++, !read_number (&p, 1, 2, &b))
      || *p++ != sep || !read_number (&p, 4, 4, &year) || !is_time_or_end (p))
    goto not_a_date;

  switch (order)
    {
    case SP_CSV_DATE_ORDER_DMY:
      if (!valid_dmy (a, b, year))
        {
          shown = quotable (text);
          g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_DATE,
                       _("“%s” is not a date in day/month/year order"), shown);
          return FALSE;
        }
      set_dmy (out, a, b, year);
      return TRUE;

    case SP_CSV_DATE_ORDER_MDY:
      if (!valid_dmy (b, a, year))
        {
          shown = quotable (text);
          g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_DATE,
                       _("“%s” is not a date in month/day/year order"), shown);
          return FALSE;
        }
      set_dmy (out, b, a, year);
      return TRUE;

    case SP_CSV_DATE_ORDER_AUTO:
      if (valid_dmy (a, b, year) && valid_dmy (b, a, year) && a != b)
        {
          g_autofree char *dmy = g_strdup_printf ("%04u-%02u-%02u", year, b, a);
          g_autofree char *mdy = g_strdup_printf ("%04u-%02u-%02u", year, a, b);

          shown = quotable (text);
          /* TRANSLATORS: "“03/05/2026” could be 2026-05-03 or 2026-03-05; …" */
          g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_DATE_AMBIGUOUS,
                       _("“%s” could be %s or %s; choose whether the dates are "
                         "day/month/year or month/day/year"), shown, dmy, mdy);
          return FALSE;
        }
      if (valid_dmy (a, b, year))
        set_dmy (out, a, b, year);
      else if (valid_dmy (b, a, year))
        set_dmy (out, b, a, year);
      else
        goto not_a_day;
      return TRUE;

    default:
      g_assert_not_reached ();
    }

not_a_day:
  shown = quotable (text);
  g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_DATE,
               _("“%s” is not a day on the calendar"), shown);
  return FALSE;

not_a_date:
  shown = quotable (text);
  g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_DATE,
               _("“%s” is not a date; write it like 2026-03-05"), shown);
  return FALSE;
}
