/* sp-worklog-page.c — the Work Log view: a keyboard-first form for one rep's day (every field
 * saves when it is left), the day's required activity as progress, week and month summaries,
 * and the team's day grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worklog-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-display.h"
#include "sp-rep-workload.h"
#include "sp-team-day-grid.h"
#include "sp-worklog-page-private.h"

G_DEFINE_FINAL_TYPE (SpWorklogPage, sp_worklog_page, SP_TYPE_PAGE)

static void
update_date_button (SpWorklogPage *self)
{
  g_autofree char *date = sp_display_date (&self->day);
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&self->day),
                                                   g_date_get_month (&self->day),
                                                   g_date_get_day (&self->day), 0, 0, 0);

  gtk_menu_button_set_label (self->date_button, date);
  self->loading = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->loading = FALSE;
}

static void
load_rep_day (SpWorklogPage *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  update_date_button (self);
  for (guint i = 0; i < self->rep_ids->len; i++)
    if (g_array_index (self->rep_ids, gint64, i) == self->rep_id)
      position = i;

  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_stack_set_visible_child_name (self->rep_stack, "empty");
    }
  else
    {
      g_autofree char *date = sp_display_date (&self->day);
      /* Translators: the form's heading: a rep's name and the day, "Wang Fang · 15 Sep 2026" */
      g_autofree char *heading = g_strdup_printf (_("%s · %s"),
                                                  gtk_string_list_get_string (self->rep_names,
                                                                              position),
                                                  date);

      gtk_label_set_label (self->heading, heading);
      _sp_worklog_page_load_entry (self);
      _sp_worklog_page_load_required (self);
      _sp_worklog_page_load_previous_plan (self);
      _sp_worklog_page_load_summaries (self);
      gtk_stack_set_visible_child_name (self->rep_stack, "form");
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "team") == 0)
    sp_team_day_grid_set_day (self->team_grid, sp_page_get_workspace (SP_PAGE (self)), &self->day,
                              &self->today);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "summary") == 0)
    sp_worklog_team_summary_set_day (self->team_summary, &self->day);
}

static void
rep_selected_cb (SpWorklogPage *self)
{
  guint position = gtk_drop_down_get_selected (self->rep_dropdown);
  gint64 rep_id;

  if (self->loading || position >= self->rep_ids->len)
    return;

  rep_id = g_array_index (self->rep_ids, gint64, position);
  if (rep_id == self->rep_id)
    return;
  _sp_worklog_page_save_dirty_fields (self);
  _sp_worklog_page_clear_messages (self);
  self->rep_id = rep_id;
  load_rep_day (self);
}

static void
reload_reps (SpWorklogPage *self)
{
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->rep_ids, 0);
  if (!(reps = sp_rep_list (sp_page_get_store (SP_PAGE (self)), 0, &error)))
    g_warning ("Cannot list the reps: %s", error->message);

  for (guint i = 0; reps != NULL && i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sp_rep_get_id (rep);

      if (!sp_rep_get_active (rep) && id != self->rep_id)
        continue;
      if (id == self->rep_id)
        selected = self->rep_ids->len;
      g_array_append_val (self->rep_ids, id);
      g_ptr_array_add (names, g_strdup (sp_rep_get_name (rep)));
    }
  g_ptr_array_add (names, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (self->rep_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->rep_names)),
                          (const char * const *) names->pdata);
  if (selected == GTK_INVALID_LIST_POSITION && self->rep_ids->len > 0)
    {
      selected = 0;
      self->rep_id = g_array_index (self->rep_ids, gint64, 0);
    }
  else if (self->rep_ids->len == 0)
    self->rep_id = 0;
  gtk_drop_down_set_selected (self->rep_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->rep_dropdown), self->rep_ids->len > 0);
  self->loading = FALSE;
}

static void
go_to_day (SpWorklogPage *self,
           const GDate   *day)
{
  if (!g_date_valid (day) || g_date_compare (day, &self->day) == 0)
    return;

  _sp_worklog_page_save_dirty_fields (self);
  _sp_worklog_page_clear_messages (self);
  self->day = *day;
  if (sp_page_get_workspace (SP_PAGE (self)) != NULL)
    load_rep_day (self);
  else
    update_date_button (self);
}

static void
step_day (SpWorklogPage *self,
          int            days)
{
  GDate day = self->day;

  if (days > 0)
    g_date_add_days (&day, days);
  else
    g_date_subtract_days (&day, -days);
  go_to_day (self, &day);
}

static void
previous_day_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  step_day (SP_WORKLOG_PAGE (widget), -1);
}

static void
next_day_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  step_day (SP_WORKLOG_PAGE (widget), 1);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SpWorklogPage *self = SP_WORKLOG_PAGE (widget);

  go_to_day (self, &self->today);
}

static void
calendar_day_selected_cb (SpWorklogPage *self)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate day;

  if (self->loading)
    return;

  dt = gtk_calendar_get_date (self->calendar);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  gtk_popover_popdown (self->date_popover);
  go_to_day (self, &day);
}

static void
view_changed_cb (SpWorklogPage *self)
{
  if (sp_page_get_workspace (SP_PAGE (self)) == NULL || self->disposing)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "team") == 0)
    {
      _sp_worklog_page_save_dirty_fields (self);
      sp_team_day_grid_set_day (self->team_grid, sp_page_get_workspace (SP_PAGE (self)),
                                &self->day, &self->today);
      /* Straight into the first rep's first count: the evening meeting is typed, not
       * clicked. */
      sp_team_day_grid_focus_first (self->team_grid);
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "key-figures") == 0)
    {
      _sp_worklog_page_save_dirty_fields (self);
      sp_key_figures_panel_set_today (self->key_figures, &self->today);
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "summary") == 0)
    {
      _sp_worklog_page_save_dirty_fields (self);
      sp_worklog_team_summary_set_day (self->team_summary, &self->day);
    }
  else
    load_rep_day (self);
}

/* The rep list follows the workspace; then the section shown re-reads (the Key Figures and
 * Team Summary sections are pages of their own and follow the workspace themselves). */
static void
sp_worklog_page_refresh (SpPage *page)
{
  SpWorklogPage *self = SP_WORKLOG_PAGE (page);
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (self->disposing)
    return;

  reload_reps (self);
  if (g_strcmp0 (view, "team") == 0)
    sp_team_day_grid_set_day (self->team_grid, sp_page_get_workspace (page), &self->day,
                              &self->today);
  else if (g_strcmp0 (view, "summary") != 0 && g_strcmp0 (view, "key-figures") != 0)
    load_rep_day (self);
}

static void
sp_worklog_page_workspace_set (SpPage      *page,
                               SpWorkspace *workspace)
{
  SpWorklogPage *self = SP_WORKLOG_PAGE (page);

  sp_page_set_workspace (SP_PAGE (self->key_figures), workspace);
  sp_page_set_workspace (SP_PAGE (self->team_summary), workspace);
}

static void
sp_worklog_page_dispose (GObject *object)
{
  GtkWidget *child;
  SpWorklogPage *self = SP_WORKLOG_PAGE (object);

  self->disposing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WORKLOG_PAGE);
  /* The template's top box has no id: dispose_template() does not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < SP_WORKLOG_N_FIELDS; i++)
    {
      g_clear_pointer (&self->fields[i].loaded, g_free);
      g_clear_pointer (&self->fields[i].message, g_free);
    }
  g_clear_object (&self->rep_names);
  g_clear_pointer (&self->rep_ids, g_array_unref);

  G_OBJECT_CLASS (sp_worklog_page_parent_class)->dispose (object);
}

static void
add_day_shortcut (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  GdkModifierType  modifiers,
                  const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, NULL);
}

static void
sp_worklog_page_class_init (SpWorklogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_worklog_page_dispose;
  SP_PAGE_CLASS (klass)->workspace_set = sp_worklog_page_workspace_set;
  SP_PAGE_CLASS (klass)->refresh = sp_worklog_page_refresh;

  g_type_ensure (SP_TYPE_TEAM_DAY_GRID);
  g_type_ensure (SP_TYPE_KEY_FIGURES_PANEL);
  g_type_ensure (SP_TYPE_WORKLOG_TEAM_SUMMARY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sp-worklog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, rep_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, date_popover);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, rep_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, heading);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, subtitle);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, activities_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, outcomes_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, plan_heading);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, plan_text);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, notes_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, summary_heading);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, summary_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, team_grid);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, key_figures);
  gtk_widget_class_bind_template_child (widget_class, SpWorklogPage, team_summary);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "worklog.previous-day", NULL,
                                   previous_day_activated);
  gtk_widget_class_install_action (widget_class, "worklog.next-day", NULL, next_day_activated);
  gtk_widget_class_install_action (widget_class, "worklog.today", NULL, today_activated);
  /* Page Up / Page Down alone turn the slides in presentation mode. */
  add_day_shortcut (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "worklog.previous-day");
  add_day_shortcut (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "worklog.next-day");
  add_day_shortcut (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "worklog.today");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_worklog_page_init (SpWorklogPage *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                               "string");
  GtkEventController *keys;
  GtkShortcutController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rep_names = gtk_string_list_new (NULL);
  self->rep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drop_down_set_model (self->rep_dropdown, G_LIST_MODEL (self->rep_names));
  /* Typing a name in the open list finds the rep. */
  gtk_drop_down_set_expression (self->rep_dropdown, name);
  g_signal_connect_object (self->rep_dropdown, "notify::selected",
                           G_CALLBACK (rep_selected_cb), self, G_CONNECT_SWAPPED);

  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
  self->day = self->today;

  /* Text views take Ctrl+Page Up/Down for themselves: catch the day keys before them. */
  keys = gtk_shortcut_controller_new ();
  shortcuts = GTK_SHORTCUT_CONTROLLER (keys);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                      gtk_named_action_new ("worklog.previous-day")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK),
                      gtk_named_action_new ("worklog.next-day")));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  _sp_worklog_page_create_form (self);
  update_date_button (self);
}

void
sp_worklog_page_get_day (SpWorklogPage *self,
                         GDate         *day)
{
  g_return_if_fail (SP_IS_WORKLOG_PAGE (self));

  *day = self->day;
}

void
sp_worklog_page_set_day (SpWorklogPage *self,
                         const GDate   *day)
{
  g_return_if_fail (SP_IS_WORKLOG_PAGE (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  /* A fixed "today" too, so that the history window and the Today button agree with it. */
  self->today = *day;
  go_to_day (self, day);
}

gint64
sp_worklog_page_get_rep (SpWorklogPage *self)
{
  g_return_val_if_fail (SP_IS_WORKLOG_PAGE (self), 0);

  return self->rep_id;
}

void
sp_worklog_page_set_rep (SpWorklogPage *self,
                         gint64         rep_id)
{
  g_return_if_fail (SP_IS_WORKLOG_PAGE (self));

  for (guint i = 0; i < self->rep_ids->len; i++)
    if (g_array_index (self->rep_ids, gint64, i) == rep_id)
      gtk_drop_down_set_selected (self->rep_dropdown, i);
}

GtkWidget *
sp_worklog_page_get_field_widget (SpWorklogPage  *self,
                                  SpWorklogField  field)
{
  g_return_val_if_fail (SP_IS_WORKLOG_PAGE (self), NULL);
  g_return_val_if_fail (field < SP_WORKLOG_N_FIELDS, NULL);

  return self->fields[field].widget;
}

const char *
sp_worklog_page_get_error_text (SpWorklogPage *self)
{
  g_return_val_if_fail (SP_IS_WORKLOG_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_label (self->error_label) : "";
}

void
sp_worklog_page_show_team (SpWorklogPage *self,
                           gboolean       team)
{
  g_return_if_fail (SP_IS_WORKLOG_PAGE (self));

  gtk_stack_set_visible_child_name (self->view_stack, team ? "team" : "rep");
}
