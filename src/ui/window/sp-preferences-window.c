/* sp-preferences-window.c — the workspace's preferences: currency, fiscal year start, week
 * start, working days and holidays, each change an undoable edit through SpPreferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-preferences-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-display.h"
#include "sp-preferences-window.h"

struct _SpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SpPreferences        *preferences;
  GPtrArray            *year_groups;    /* of AdwPreferencesGroup, one per year of holidays */
  GtkWidget            *day_toggles[7];  /* by GDateWeekday - 1 */
  gboolean              updating;

  AdwComboRow          *currency_row;
  AdwComboRow          *fiscal_start_row;
  AdwComboRow          *week_start_row;
  GtkBox               *working_days_box;
  AdwPreferencesPage   *holidays_page;
  GtkWidget            *holidays_group;  /* says there are none */
  GtkWidget            *add_holiday_button;
  AdwEntryRow          *holiday_date_row;
  AdwEntryRow          *holiday_name_row;
  GtkLabel             *holiday_message;
};

G_DEFINE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* The week starts the manager's calendar may use. */
static const struct
{
  GDateWeekday weekday;
  const char  *name;
} week_starts[] = {
  { G_DATE_MONDAY, N_("Monday") },
  { G_DATE_SUNDAY, N_("Sunday") },
  { G_DATE_SATURDAY, N_("Saturday") },
};

static const char * const weekday_short_names[] = {
  /* Translators: short weekday names on the working-day toggles */
  NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
  NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
};

static const char * const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

static void
report_error (SpPreferencesWindow *self,
              const GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
clear_year_groups (SpPreferencesWindow *self)
{
  for (guint i = 0; i < self->year_groups->len; i++)
    adw_preferences_page_remove (self->holidays_page, g_ptr_array_index (self->year_groups, i));
  g_ptr_array_set_size (self->year_groups, 0);
}

/* prefs.remove-holiday: the button's target is the day, "2026-10-01". */
static void
remove_holiday_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (widget);
  const char *iso = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!sp_date_parse_iso (iso, &date))
    return;

  if (!sp_preferences_remove_holiday (self->preferences, &date, &error))
    report_error (self, error);
}

static GtkWidget *
create_holiday_row (SpPreferencesWindow *self,
                    const SpHoliday     *holiday)
{
  g_autofree char *when = sp_display_iso_date (holiday->date);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 holiday->name && holiday->name[0] ? holiday->name : _("Holiday"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  /* Translators: accessible name of a button; %s is a date */
  label = g_strdup_printf (_("Remove the holiday on %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", holiday->date);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.remove-holiday");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* One group per year, the latest year first, its days in calendar order. */
static void
sync_holidays (SpPreferencesWindow *self)
{
  g_autoptr(GPtrArray) holidays = sp_preferences_list_holidays (self->preferences);
  guint n = holidays ? holidays->len : 0;
  guint end = n;

  clear_year_groups (self);
  while (end > 0)
    {
      SpHoliday *last = g_ptr_array_index (holidays, end - 1);
      g_autofree char *title = g_strndup (last->date, 4);
      GtkWidget *group = adw_preferences_group_new ();
      guint start = end;

      while (start > 0
             && strncmp (((SpHoliday *) g_ptr_array_index (holidays, start - 1))->date,
                         last->date, 4) == 0)
        start--;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      for (guint i = start; i < end; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   create_holiday_row (self, g_ptr_array_index (holidays, i)));
      adw_preferences_page_add (self->holidays_page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->year_groups, group);
      end = start;
    }

  gtk_widget_set_visible (self->holidays_group, n == 0);
}

static void
reorder_day_toggles (SpPreferencesWindow *self)
{
  GDateWeekday first = sp_preferences_get_week_start (self->preferences);
  GtkWidget *previous = NULL;

  for (guint i = 0; i < 7; i++)
    {
      guint weekday = (first - 1 + i) % 7;  /* 0 = Monday */

      gtk_box_reorder_child_after (self->working_days_box, self->day_toggles[weekday], previous);
      previous = self->day_toggles[weekday];
    }
}

static void
sync_from_preferences (SpPreferencesWindow *self)
{
  const SpCurrency *currency = sp_preferences_get_currency (self->preferences);
  const SpCurrency * const *currencies = sp_currency_list ();
  GDateWeekday week_start = sp_preferences_get_week_start (self->preferences);
  guint mask = sp_preferences_get_working_days (self->preferences);

  self->updating = TRUE;

  for (guint i = 0; currencies[i] != NULL; i++)
    {
      if (currencies[i] == currency || g_strcmp0 (currencies[i]->code, currency->code) == 0)
        adw_combo_row_set_selected (self->currency_row, i);
    }

  adw_combo_row_set_selected (self->fiscal_start_row,
                              sp_preferences_get_fiscal_start_month (self->preferences) - 1);

  for (guint i = 0; i < G_N_ELEMENTS (week_starts); i++)
    {
      if (week_starts[i].weekday == week_start)
        adw_combo_row_set_selected (self->week_start_row, i);
    }

  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_toggles[i]),
                                  (mask & SP_WEEKDAY_BIT (i + 1)) != 0);
  reorder_day_toggles (self);

  self->updating = FALSE;
}

static void
currency_selected_cb (SpPreferencesWindow *self)
{
  const SpCurrency * const *currencies = sp_currency_list ();
  guint selected = adw_combo_row_get_selected (self->currency_row);
  g_autoptr(GError) error = NULL;

  if (self->updating || self->preferences == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (g_strcmp0 (currencies[selected]->code,
                 sp_preferences_get_currency (self->preferences)->code) == 0)
    return;

  if (!sp_preferences_set_currency (self->preferences, currencies[selected]->code, &error))
    {
      report_error (self, error);
      sync_from_preferences (self);
    }
}

static void
fiscal_start_selected_cb (SpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->fiscal_start_row);
  g_autoptr(GError) error = NULL;

  if (self->updating || self->preferences == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected + 1 == (guint) sp_preferences_get_fiscal_start_month (self->preferences))
    return;

  if (!sp_preferences_set_fiscal_start_month (self->preferences, selected + 1, &error))
    {
      report_error (self, error);
      sync_from_preferences (self);
    }
}

static void
week_start_selected_cb (SpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->week_start_row);
  g_autoptr(GError) error = NULL;

  if (self->updating || self->preferences == NULL || selected >= G_N_ELEMENTS (week_starts))
    return;

  if (week_starts[selected].weekday == sp_preferences_get_week_start (self->preferences))
    return;

  if (!sp_preferences_set_week_start (self->preferences, week_starts[selected].weekday, &error))
    {
      report_error (self, error);
      sync_from_preferences (self);
    }
}

static void
day_toggled_cb (SpPreferencesWindow *self,
                GtkToggleButton     *toggle)
{
  g_autoptr(GError) error = NULL;
  guint mask = 0;

  if (self->updating || self->preferences == NULL)
    return;

  for (guint i = 0; i < 7; i++)
    {
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->day_toggles[i])))
        mask |= SP_WEEKDAY_BIT (i + 1);
    }

  if (mask == sp_preferences_get_working_days (self->preferences))
    return;

  if (!sp_preferences_set_working_days (self->preferences, mask, &error))
    {
      report_error (self, error);
      sync_from_preferences (self);
    }
}

static gboolean
holiday_exists (SpPreferencesWindow *self,
                const char          *iso)
{
  g_autoptr(GPtrArray) holidays = sp_preferences_list_holidays (self->preferences);

  for (guint i = 0; holidays != NULL && i < holidays->len; i++)
    {
      SpHoliday *holiday = g_ptr_array_index (holidays, i);

      if (g_strcmp0 (holiday->date, iso) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Parses the date field; sets the message under the fields and returns FALSE if it does not
 * hold a new holiday. */
static gboolean
check_holiday_fields (SpPreferencesWindow *self,
                      GDate               *date)
{
  const char *entry = gtk_editable_get_text (GTK_EDITABLE (self->holiday_date_row));
  g_autofree char *text = g_strstrip (g_strdup (entry));
  const char *message = NULL;
  gboolean ok = FALSE;

  if (text[0] == '\0')
    ;
  else if (!sp_date_parse_iso (text, date))
    message = _("Type the date as year-month-day, for example 2026-10-01.");
  else
    {
      g_autofree char *iso = sp_date_format_iso (date);

      if (holiday_exists (self, iso))
        message = _("That day is already a holiday.");
      else
        ok = TRUE;
    }

  gtk_label_set_label (self->holiday_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->holiday_message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->holiday_date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->holiday_date_row), "error");

  return ok;
}

static void
holiday_entry_changed_cb (SpPreferencesWindow *self)
{
  GDate date;

  gtk_widget_set_sensitive (self->add_holiday_button, check_holiday_fields (self, &date));
}

static void
add_holiday_cb (SpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GDate date;

  if (!check_holiday_fields (self, &date))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->holiday_name_row))));
  if (!sp_preferences_add_holiday (self->preferences, &date, name, &error))
    {
      report_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->holiday_date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->holiday_name_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->holiday_date_row));
}

static void
workspace_changed_cb (SpPreferencesWindow *self)
{
  sync_from_preferences (self);
  sync_holidays (self);
  holiday_entry_changed_cb (self);
}

static void
sp_preferences_window_dispose (GObject *object)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->year_groups, g_ptr_array_unref);
  g_clear_object (&self->preferences);

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->dispose (object);
}

static void
sp_preferences_window_class_init (SpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, fiscal_start_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, week_start_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, working_days_box);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, holidays_page);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, holidays_group);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, add_holiday_button);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, holiday_date_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, holiday_name_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, holiday_message);
  gtk_widget_class_bind_template_callback (widget_class, currency_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, fiscal_start_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, week_start_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, holiday_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_holiday_cb);
  gtk_widget_class_install_action (widget_class, "prefs.remove-holiday", "s",
                                   remove_holiday_activated);
}

static void
sp_preferences_window_init (SpPreferencesWindow *self)
{
  const SpCurrency * const *currencies = sp_currency_list ();
  g_autoptr(GtkStringList) currency_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) weeks = gtk_string_list_new (NULL);

  self->year_groups = g_ptr_array_new ();
  self->updating = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; currencies[i] != NULL; i++)
    {
      /* Translators: a currency in a list, e.g. "Chinese yuan (CNY)" */
      g_autofree char *name = g_strdup_printf (_("%s (%s)"), sp_currency_get_name (currencies[i]),
                                               currencies[i]->code);

      gtk_string_list_append (currency_names, name);
    }
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (currency_names));

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    gtk_string_list_append (months, _(month_names[i]));
  adw_combo_row_set_model (self->fiscal_start_row, G_LIST_MODEL (months));

  for (guint i = 0; i < G_N_ELEMENTS (week_starts); i++)
    gtk_string_list_append (weeks, _(week_starts[i].name));
  adw_combo_row_set_model (self->week_start_row, G_LIST_MODEL (weeks));

  for (guint i = 0; i < 7; i++)
    {
      const char *label = g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekday_short_names[i]);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_tooltip_text (toggle, _(weekday_names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(weekday_names[i]), -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (day_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->working_days_box, toggle);
      self->day_toggles[i] = toggle;
    }

  self->updating = FALSE;
}

GtkWindow *
sp_preferences_window_new (SpWorkspace *workspace)
{
  SpPreferencesWindow *self;

  g_return_val_if_fail (SP_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SP_TYPE_PREFERENCES_WINDOW, NULL);
  self->preferences = g_object_ref (sp_workspace_get_preferences (workspace));

  /* Undo and redo change the settings too: the rows follow the workspace. */
  g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  workspace_changed_cb (self);

  return GTK_WINDOW (self);
}
