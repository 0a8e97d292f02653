/* sp-display.c — how the UI writes dates, fiscal years and changes for people to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-display"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"

#include "sp-display.h"

char *
sp_display_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  /* Translators: a date as g_date_time_format() writes it, e.g. "1 Oct 2026";
   * Chinese: "%Y年%-m月%-d日" */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

char *
sp_display_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !sp_date_parse_iso (iso, &date))
    return g_strdup ("");

  return sp_display_date (&date);
}

char *
sp_display_fiscal_year (int fiscal_year)
{
  /* Translators: a fiscal year, e.g. "FY2026"; Chinese: "%d财年" */
  return g_strdup_printf (_("FY%d"), fiscal_year);
}

char *
sp_display_change (gint64 value,
                   gint64 base)
{
  if (base <= 0)
    return NULL;

  /* Translators: a change in percent, e.g. "+11.1%" */
  return g_strdup_printf (_("%+.1f%%"), 100.0 * (double) (value - base) / (double) base);
}

char *
sp_display_money_entry (gint64            amount,
                        const SpCurrency *currency)
{
  SpCurrency whole = *currency;
  gint64 unit = 1;

  for (guint i = 0; i < currency->digits; i++)
    unit *= 10;
  if (amount % unit != 0)
    return sp_money_format (amount, currency, SP_MONEY_FORMAT_NO_SYMBOL);
  whole.digits = 0;
  return sp_money_format (amount / unit, &whole, SP_MONEY_FORMAT_NO_SYMBOL);
}

char *
sp_display_count (guint64 n)
{
  static const SpCurrency plain = { "", "", 0 };

  return sp_money_format ((gint64) MIN (n, (guint64) G_MAXINT64), &plain,
                          SP_MONEY_FORMAT_NO_SYMBOL);
}
