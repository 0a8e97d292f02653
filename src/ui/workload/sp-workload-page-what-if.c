/* sp-workload-page-what-if.c — the Workload view's what-if panel: the formula's inputs for the
 * chosen rep (or the team), editable, with the required counts recomputed as you type and
 * nothing written to the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-workload-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sp-workload-page-private.h"

static void
show_what_if_error (SpWorkloadPage *self,
                    const char     *message)
{
  gtk_label_set_label (self->what_if_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->what_if_error), message != NULL);
  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
    gtk_widget_set_opacity (GTK_WIDGET (self->results[s]), message ? 0.4 : 1.0);
}

static gboolean
parse_percent (const char *text,
               gint64     *basis_points)
{
  g_autofree char *copy = g_strstrip (g_strdelimit (g_strdup (text), "%", ' '));
  char *end = NULL;
  double value;

  if (copy[0] == '\0')
    return FALSE;
  value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (value) || value > 1e6 || value < -1e6)
    return FALSE;
  *basis_points = (gint64) (value * 100.0 + (value < 0 ? -0.5 : 0.5));
  return TRUE;
}

static const char *
input_text (SpWorkloadPage *self,
            guint           index)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->inputs[index]));
}

static void
what_if_changed_cb (SpWorkloadPage *self)
{
  const SpCurrency *currency;
  g_autoptr(GError) error = NULL;
  SpWorkloadInput input = { 0 };
  SpWorkload out;
  gint64 days;
  char *end = NULL;

  if (self->loading || sp_page_get_workspace (SP_PAGE (self)) == NULL)
    return;
  currency = sp_preferences_get_currency (sp_page_get_preferences (SP_PAGE (self)));

  if (!sp_money_parse (input_text (self, INPUT_TARGET), currency, &input.target, &error)
      || !sp_money_parse (input_text (self, INPUT_AOV), currency, &input.avg_order_value,
                          &error))
    {
      show_what_if_error (self, error->message);
      return;
    }
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    {
      gint64 bp;

      if (!parse_percent (input_text (self, INPUT_RATE_1 + i), &bp))
        {
          /* Translators: %s names a conversion rate, "Prospect → appointment" */
          g_autofree char *message = g_strdup_printf (_("%s: enter a percentage such as "
                                                        "25 or 12.5."), _(_sp_workload_page_rate_names[i]));

          show_what_if_error (self, message);
          return;
        }
      input.rates[i] = sp_rate_from_basis_points (bp);
    }
  days = g_ascii_strtoll (input_text (self, INPUT_DAYS), &end, 10);
  if (end == input_text (self, INPUT_DAYS) || *end != '\0' || days <= 0 || days > 10000)
    {
      show_what_if_error (self, _("Working days: enter a whole number of days above 0."));
      return;
    }
  input.working_days = days;

  if (!sp_workload_compute (&input, &out, &error))
    {
      show_what_if_error (self, error->message);
      return;
    }

  show_what_if_error (self, NULL);
  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, out.counts[s]);
      g_autofree char *per_day = g_strdup_printf ("%" G_GINT64_FORMAT, out.per_day[s]);
      /* Translators: required in the period and per working day, "396 · 18/day" */
      g_autofree char *text = g_strdup_printf (_("%s · %s/day"), count, per_day);

      gtk_label_set_label (self->results[s], text);
    }
}

void
_sp_workload_page_fill_what_if (SpWorkloadPage *self)
{
  const SpCurrency *currency =
    sp_preferences_get_currency (sp_page_get_preferences (SP_PAGE (self)));
  SpWorkloadInput *input = &self->what_if_base.input;
  g_autofree char *target = sp_money_format (input->target, currency, SP_MONEY_FORMAT_NO_SYMBOL);
  g_autofree char *aov = sp_money_format (input->avg_order_value, currency,
                                          SP_MONEY_FORMAT_NO_SYMBOL);
  g_autofree char *days = g_strdup_printf ("%u", input->working_days);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[INPUT_TARGET]), target);
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[INPUT_AOV]), aov);
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    {
      gint64 bp = sp_rate_to_basis_points (input->rates[i]);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* Typed back in, so written the way the parser reads it. */
      g_ascii_formatd (buf, sizeof buf, "%.2f", bp / 100.0);
      gtk_editable_set_text (GTK_EDITABLE (self->inputs[INPUT_RATE_1 + i]), buf);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->inputs[INPUT_DAYS]), days);
  self->loading = FALSE;
  what_if_changed_cb (self);
}

void
_sp_workload_page_reload_what_if (SpWorkloadPage *self)
{
  g_autoptr(SpCalendar) calendar =
    sp_preferences_dup_calendar (sp_page_get_preferences (SP_PAGE (self)));
  guint selected = gtk_drop_down_get_selected (self->rep_dropdown);
  gint64 rep_id = selected < self->rep_ids->len ? g_array_index (self->rep_ids, gint64, selected)
                                                : 0;
  g_autoptr(GError) error = NULL;
  GDate first, last;

  _sp_workload_page_period_range (self, calendar, &first, &last);
  if (!sp_rep_workload_init (&self->what_if_base, sp_page_get_preferences (SP_PAGE (self)), rep_id,
                             sp_rep_workload_count_active (sp_page_get_store (SP_PAGE (self)),
                                                           NULL),
                             &first, &last, &self->today, &error))
    {
      show_what_if_error (self, error->message);
      return;
    }
  _sp_workload_page_fill_what_if (self);
}

void
_sp_workload_page_create_what_if (SpWorkloadPage *self)
{
  const char *titles[N_WHAT_IF_INPUTS] = {
    _("Target"), _("Average order value"), NULL, NULL, NULL, NULL, _("Working days"),
  };

  for (guint i = 0; i < N_WHAT_IF_INPUTS; i++)
    {
      g_autofree char *rate_title = NULL;
      const char *title = titles[i];
      GtkWidget *label;

      if (title == NULL)
        {
          /* Translators: a what-if input, "Prospect → appointment (%)" */
          rate_title = g_strdup_printf (_("%s (%%)"), _(_sp_workload_page_rate_names[i - INPUT_RATE_1]));
          title = rate_title;
        }
      label = _sp_workload_page_create_label (title, 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      self->inputs[i] = gtk_entry_new ();
      gtk_entry_set_alignment (GTK_ENTRY (self->inputs[i]), 1.0f);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->inputs[i]), 10);
      gtk_widget_add_css_class (self->inputs[i], "numeric");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->inputs[i]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_signal_connect_object (self->inputs[i], "changed", G_CALLBACK (what_if_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->what_if_inputs, label, 0, i, 1, 1);
      gtk_grid_attach (self->what_if_inputs, self->inputs[i], 1, i, 1, 1);
    }

  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
    {
      GtkWidget *label = _sp_workload_page_create_label (sp_workload_stage_get_name (s), 0.0f);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_widget_set_hexpand (label, TRUE);
      self->results[s] = GTK_LABEL (_sp_workload_page_create_label (NULL, 1.0f));
      gtk_widget_add_css_class (GTK_WIDGET (self->results[s]), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->results[s]), "numeric");
      gtk_grid_attach (self->what_if_results, label, 0, s, 1, 1);
      gtk_grid_attach (self->what_if_results, GTK_WIDGET (self->results[s]), 1, s, 1, 1);
    }
}
