/* sp-new-plan-dialog.c — asks for a new plan's fiscal year, team and target
 *
 * The "Create" response stays disabled until the input is valid, with the reason shown
 * under the fields: a message dialog closes on any response, so it must not be able to fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-new-plan-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-new-plan-dialog.h"
#include "sp-window.h"

struct _SpNewPlanDialog
{
  AdwMessageDialog  parent_instance;

  SpPreferences    *preferences;
  GListModel       *plans;

  GtkSpinButton    *year_spin;
  AdwEntryRow      *team_row;
  AdwEntryRow      *target_row;
  GtkLabel         *currency_label;
  GtkLabel         *message_label;
};

G_DEFINE_FINAL_TYPE (SpNewPlanDialog, sp_new_plan_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
plan_exists (SpNewPlanDialog *self,
             int              year,
             const char      *team)
{
  guint n = self->plans ? g_list_model_get_n_items (self->plans) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpPlan) plan = g_list_model_get_item (self->plans, i);

      if (sp_plan_get_fiscal_year (plan) == year && g_strcmp0 (sp_plan_get_team (plan), team) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Returns TRUE and the parsed values when the fields describe a plan that can be added. */
static gboolean
read_fields (SpNewPlanDialog  *self,
             int              *year,
             char            **team,
             gint64           *target,
             char            **reason,
             gboolean         *is_error)
{
  const SpCurrency *currency = sp_preferences_get_currency (self->preferences);
  const char *target_text = gtk_editable_get_text (GTK_EDITABLE (self->target_row));
  const char *team_entry = gtk_editable_get_text (GTK_EDITABLE (self->team_row));
  g_autofree char *team_text = g_strstrip (g_strdup (team_entry));
  g_autoptr(GError) error = NULL;

  *year = gtk_spin_button_get_value_as_int (self->year_spin);
  *reason = NULL;
  *is_error = FALSE;

  if (plan_exists (self, *year, team_text))
    {
      if (team_text[0] == '\0')
        /* Translators: %d is a fiscal year */
        *reason = g_strdup_printf (_("There is already a plan for %d."), *year);
      else
        /* Translators: %d is a fiscal year, %s a team name */
        *reason = g_strdup_printf (_("There is already a plan for %d and “%s”."), *year,
                                   team_text);
      *is_error = TRUE;
      return FALSE;
    }
  if (target_text[0] == '\0')
    {
      *reason = g_strdup (_("Type the year’s target, for example 12,000,000."));
      return FALSE;
    }
  if (!sp_money_parse (target_text, currency, target, &error))
    {
      *reason = g_strdup (error->message);
      *is_error = TRUE;
      return FALSE;
    }
  if (*target < 0)
    {
      *reason = g_strdup (_("The target cannot be negative."));
      *is_error = TRUE;
      return FALSE;
    }

  *team = g_steal_pointer (&team_text);
  return TRUE;
}

static void
validate (SpNewPlanDialog *self)
{
  g_autofree char *team = NULL;
  g_autofree char *reason = NULL;
  gint64 target;
  int year;
  gboolean ok, is_error;

  ok = read_fields (self, &year, &team, &target, &reason, &is_error);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", ok);
  gtk_label_set_label (self->message_label, reason ? reason : "");
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
}

static void
sp_new_plan_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  SpNewPlanDialog *self = SP_NEW_PLAN_DIALOG (dialog);
  g_autofree char *team = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  gint64 target;
  int year;
  gboolean is_error;

  if (g_strcmp0 (response, "create") == 0
      && read_fields (self, &year, &team, &target, &reason, &is_error)
      && sp_plan_add (sp_preferences_get_store (self->preferences), year, team, target,
                      &error) == 0)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      if (SP_IS_WINDOW (parent))
        sp_window_add_toast (SP_WINDOW (parent), adw_toast_new (error->message));
    }

  if (ADW_MESSAGE_DIALOG_CLASS (sp_new_plan_dialog_parent_class)->response)
    ADW_MESSAGE_DIALOG_CLASS (sp_new_plan_dialog_parent_class)->response (dialog, response);
}

static void
sp_new_plan_dialog_dispose (GObject *object)
{
  SpNewPlanDialog *self = SP_NEW_PLAN_DIALOG (object);

  g_clear_object (&self->plans);
  g_clear_object (&self->preferences);

  G_OBJECT_CLASS (sp_new_plan_dialog_parent_class)->dispose (object);
}

static void
sp_new_plan_dialog_class_init (SpNewPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = sp_new_plan_dialog_dispose;
  dialog_class->response = sp_new_plan_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sp-new-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpNewPlanDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SpNewPlanDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, SpNewPlanDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, SpNewPlanDialog, currency_label);
  gtk_widget_class_bind_template_child (widget_class, SpNewPlanDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
}

static void
sp_new_plan_dialog_init (SpNewPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sp_new_plan_dialog_new (GtkWindow     *parent,
                        SpPreferences *preferences)
{
  SpNewPlanDialog *self;
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  const char *team = "";
  GDate today;
  int year;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SP_IS_PREFERENCES (preferences), NULL);

  self = g_object_new (SP_TYPE_NEW_PLAN_DIALOG, "transient-for", parent, NULL);
  self->preferences = g_object_ref (preferences);
  self->plans = sp_plan_list (sp_preferences_get_store (preferences), &error);
  if (self->plans == NULL)
    g_debug ("Cannot list plans: %s", error->message);

  /* Propose the current fiscal year for the team of the latest plan, or the next year if
   * that plan already exists. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  calendar = sp_preferences_dup_calendar (preferences);
  year = sp_calendar_fiscal_year_of (calendar, &today);
  if (self->plans != NULL && g_list_model_get_n_items (self->plans) > 0)
    {
      g_autoptr(SpPlan) latest = g_list_model_get_item (self->plans, 0);

      team = sp_plan_get_team (latest);
      while (plan_exists (self, year, team))
        year++;
    }

  gtk_spin_button_set_value (self->year_spin, year);
  gtk_editable_set_text (GTK_EDITABLE (self->team_row), team);
  gtk_label_set_label (self->currency_label, sp_preferences_get_currency (preferences)->code);
  validate (self);

  return GTK_WIDGET (self);
}
