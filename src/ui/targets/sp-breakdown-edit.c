/* sp-breakdown-edit.c — typed text to an edit of a breakdown cell, amounts as the breakdown
 * grid shows them, refusals as toasts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown-edit"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-breakdown-edit.h"
#include "sp-display.h"
#include "sp-window.h"

char *
sp_breakdown_format_amount (const SpCurrency   *currency,
                            gint64              amount,
                            SpMoneyFormatFlags  flags)
{
  /* Always the minor units: a column of amounts keeps its cents when an edit makes one whole
   * ("¥2,500,000.00" among "¥2,499,999.67"), as the Plans table shows them. */
  return sp_money_format (amount, currency, flags);
}

/* The refusal toast up now, if any (weak): the breakdown and the matrix show one at a time. */
static AdwToast *shown_toast;

void
sp_breakdown_toast_dismiss (GtkWidget *widget)
{
  if (shown_toast != NULL)
    adw_toast_dismiss (shown_toast);
  g_clear_weak_pointer (&shown_toast);
}

void
sp_breakdown_toast (GtkWidget  *widget,
                    const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  if (!SP_IS_WINDOW (root))
    return;
  /* One at a time: a quick run of refused edits should not queue a minute of toasts. */
  sp_breakdown_toast_dismiss (widget);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  g_set_weak_pointer (&shown_toast, toast);
  sp_window_add_toast (SP_WINDOW (root), toast);
}

gboolean
sp_breakdown_edit_from_text (SpBreakdown           *breakdown,
                             const SpCurrency      *currency,
                             const SpBreakdownCell *cell,
                             int                    parent_of,
                             const char            *text,
                             GError               **error)
{
  /* Hundredths of a percent are basis points: parse "12.5" as money with two digits. */
  static const SpCurrency percent = { "%", "", 2 };
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GError) local_error = NULL;
  gsize len = strlen (trimmed);
  gint64 value = 0, excess = 0;
  gboolean ok;

  g_return_val_if_fail (SP_IS_BREAKDOWN (breakdown), FALSE);

  if (len > 0 && (trimmed[len - 1] == '%' || g_str_has_suffix (trimmed, "％")))
    {
      trimmed[trimmed[len - 1] == '%' ? len - 1 : len - strlen ("％")] = '\0';
      if (parent_of < 0)
        {
          g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID,
                               _("This amount is not a share of anything: type an amount"));
          return FALSE;
        }
      if (!sp_money_parse (trimmed, &percent, &value, error))
        return FALSE;
      ok = sp_breakdown_set_percent (breakdown, cell, parent_of, value, SP_BREAKDOWN_EDIT_DEFAULT,
                                     &excess, &local_error);
    }
  else
    {
      if (!sp_money_parse (trimmed, currency, &value, error))
        return FALSE;
      ok = sp_breakdown_set_amount (breakdown, cell, value, SP_BREAKDOWN_EDIT_DEFAULT, &excess,
                                    &local_error);
    }

  if (ok)
    return TRUE;

  if (excess != 0)
    {
      g_autofree char *amount = sp_breakdown_format_amount (currency, ABS (excess),
                                                            SP_MONEY_FORMAT_DEFAULT);

      if (excess > 0)
        /* Translators: %s is an amount of money such as ¥12,000 */
        g_set_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED,
                     _("The locked amounts exceed the total by %s: nothing changed"), amount);
      else
        /* Translators: %s is an amount of money such as ¥12,000 */
        g_set_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_ALL_LOCKED,
                     _("Everything else is locked: the parts fall short by %s, nothing changed"),
                     amount);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

char *
sp_breakdown_format_period (int                    fiscal_year,
                            const SpBreakdownCell *cell)
{
  g_autoptr(GDateTime) start = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, cell->first_day);
  start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 0, 0, 0);

  switch (cell->period)
    {
    case SP_BREAKDOWN_PERIOD_YEAR:
      return sp_display_fiscal_year (fiscal_year);
    case SP_BREAKDOWN_PERIOD_QUARTER:
      /* Translators: a fiscal quarter, "Q1" to "Q4" */
      return g_strdup_printf (_("Q%u"), cell->index + 1);
    case SP_BREAKDOWN_PERIOD_MONTH:
      /* Translators: a month in the breakdown, as strftime; "%B %Y" is "October 2026" */
      return g_date_time_format (start, _("%B %Y"));
    case SP_BREAKDOWN_PERIOD_WEEK:
      {
        g_autofree char *day = sp_display_date (&date);

        /* Translators: a week of the year and its first day, "Week 40 · 1 Oct 2026" */
        return g_strdup_printf (_("Week %u · %s"), cell->index + 1, day);
      }
    case SP_BREAKDOWN_PERIOD_DAY:
    default:
      return sp_display_date (&date);
    }
}

/* GTK 4.8's GtkEditableLabel stops editing from a 100 ms timeout after it loses the focus,
 * without a reference on its focus controller: a cell destroyed in that time crashes it. The
 * grids remember when a cell last lost the focus and wait that long before rebuilding. */
static gint64 last_leave;

static void
editable_leave_cb (void)
{
  last_leave = g_get_monotonic_time ();
}

void
sp_breakdown_watch_editable (GtkWidget *editable)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (editable_leave_cb), NULL);
  gtk_widget_add_controller (editable, focus);
}

guint
sp_breakdown_editable_settle_time (void)
{
  gint64 since = g_get_monotonic_time () - last_leave;

  return since >= 0 && since < 150 * 1000 ? (guint) (150 - since / 1000) : 0;
}
