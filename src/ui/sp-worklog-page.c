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

G_DEFINE_FINAL_TYPE (SpWorklogPage, sp_worklog_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PREFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SpWorklogPage *self);

const char *
_sp_worklog_page_field_label (SpWorklogField field)
{
  if (field <= SP_WORKLOG_FIELD_CLOSES)
    return sp_workload_stage_get_name ((SpWorkloadStage) field);
  return sp_worklog_field_get_label (field);
}

static char *
field_get_text (Field *f)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (f->widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
field_set_text (Field      *f,
                const char *text)
{
  g_free (f->loaded);
  f->loaded = g_strdup (text);

  if (GTK_IS_EDITABLE (f->widget))
    gtk_editable_set_text (GTK_EDITABLE (f->widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->widget)), text, -1);
}

static gboolean
field_is_dirty (Field *f)
{
  g_autofree char *text = field_get_text (f);

  return g_strcmp0 (text, f->loaded ? f->loaded : "") != 0;
}

static void
update_error_label (SpWorklogPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < SP_WORKLOG_N_FIELDS; i++)
    {
      if (self->fields[i].message == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, self->fields[i].message);
    }

  gtk_label_set_label (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text->len > 0);
}

static void
field_set_message (Field      *f,
                   const char *message)
{
  g_free (f->message);
  f->message = g_strdup (message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (f->widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (f->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (f->widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (f->widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
  update_error_label (f->page);
}

static char *
value_text (SpWorklogPage        *self,
            const SpWorklogEntry *entry,
            gboolean              exists,
            SpWorklogField        field)
{
  gint64 value;

  if (sp_worklog_field_get_kind (field) == SP_WORKLOG_KIND_NOTE)
    return g_strdup (sp_worklog_entry_get_note (entry, field));

  value = entry->values[field];
  if (!exists && value == 0)
    return g_strdup ("");
  if (sp_worklog_field_get_kind (field) == SP_WORKLOG_KIND_MONEY)
    return sp_money_format (value, sp_preferences_get_currency (self->preferences),
                            SP_MONEY_FORMAT_NO_SYMBOL);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Shows the stored entry; a field being typed in, or holding a refused value, keeps its
 * text. */
static void
load_entry (SpWorklogPage *self)
{
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean exists = FALSE;

  if (self->rep_id == 0)
    return;

  if (!sp_worklog_get (sp_preferences_get_store (self->preferences), self->rep_id, &self->day,
                       &entry, &exists, &error))
    {
      g_warning ("Cannot read the work log: %s", error->message);
      return;
    }

  self->loading = TRUE;
  for (guint i = 0; i < SP_WORKLOG_N_FIELDS; i++)
    {
      Field *f = &self->fields[i];
      g_autofree char *text = value_text (self, &entry, exists, f->field);

      if (f->message != NULL || (gtk_widget_has_focus (f->widget) && field_is_dirty (f)))
        continue;
      if (GTK_IS_EDITABLE (f->widget) && gtk_widget_has_focus (f->widget)
          && g_strcmp0 (text, f->loaded) == 0)
        continue;
      field_set_text (f, text);
    }
  self->loading = FALSE;
}

static void
save_field (Field *f)
{
  SpWorklogPage *self = f->page;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->disposing || self->preferences == NULL || self->rep_id == 0)
    return;
  if (!field_is_dirty (f) && f->message == NULL)
    return;

  text = field_get_text (f);
  if (!sp_worklog_set_field (sp_preferences_get_store (self->preferences), self->rep_id,
                             &self->day, f->field, text, &error))
    {
      field_set_message (f, error->message);
      return;
    }

  field_set_message (f, NULL);
  /* Writing the value already stored changes nothing and emits nothing: show it as the
   * store has it ("12.0" → "12"). */
  g_clear_pointer (&f->loaded, g_free);
  load_entry (self);
}

static void
save_dirty_fields (SpWorklogPage *self)
{
  for (guint i = 0; i < SP_WORKLOG_N_FIELDS; i++)
    {
      if (field_is_dirty (&self->fields[i]))
        save_field (&self->fields[i]);
    }
}

static void
clear_messages (SpWorklogPage *self)
{
  for (guint i = 0; i < SP_WORKLOG_N_FIELDS; i++)
    if (self->fields[i].message != NULL)
      field_set_message (&self->fields[i], NULL);
}

static void
field_leave_cb (GtkEventControllerFocus *controller,
                Field                   *f)
{
  save_field (f);
}

static void
field_activate_cb (GtkWidget *entry,
                   Field     *f)
{
  save_field (f);
  if (f->message == NULL)
    gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (entry)), GTK_DIR_TAB_FORWARD);
}

GtkWidget *
_sp_worklog_page_create_label (const char *text,
              float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  return label;
}

static void
create_value_field (SpWorklogPage  *self,
                    GtkGrid        *grid,
                    int             row,
                    SpWorklogField  field)
{
  Field *f = &self->fields[field];
  GtkWidget *label = _sp_worklog_page_create_label (_sp_worklog_page_field_label (field), 0.0f);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  f->page = self;
  f->field = field;
  f->widget = gtk_entry_new ();
  gtk_entry_set_alignment (GTK_ENTRY (f->widget), 1.0f);
  gtk_entry_set_placeholder_text (GTK_ENTRY (f->widget), "0");
  gtk_editable_set_width_chars (GTK_EDITABLE (f->widget),
                                sp_worklog_field_get_kind (field) == SP_WORKLOG_KIND_MONEY
                                  ? 9 : 5);
  gtk_entry_set_input_purpose (GTK_ENTRY (f->widget),
                               sp_worklog_field_get_kind (field) == SP_WORKLOG_KIND_MONEY
                                 ? GTK_INPUT_PURPOSE_NUMBER : GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_add_css_class (f->widget, "numeric");
  /* Ctrl+Z is the workspace's undo: each saved field is one step of it. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (f->widget), FALSE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), f->widget);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (f->widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  g_signal_connect (focus, "leave", G_CALLBACK (field_leave_cb), f);
  gtk_widget_add_controller (f->widget, focus);
  g_signal_connect (f->widget, "activate", G_CALLBACK (field_activate_cb), f);

  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, f->widget, 1, row, 1, 1);

  if (field <= SP_WORKLOG_FIELD_CLOSES)
    {
      f->level = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0.0, 1.0));
      gtk_widget_set_size_request (GTK_WIDGET (f->level), 56, -1);
      gtk_widget_set_valign (GTK_WIDGET (f->level), GTK_ALIGN_CENTER);
      f->progress = GTK_LABEL (_sp_worklog_page_create_label (NULL, 1.0f));
      gtk_label_set_width_chars (f->progress, 6);
      gtk_widget_add_css_class (GTK_WIDGET (f->progress), "numeric");
      gtk_grid_attach (grid, GTK_WIDGET (f->level), 2, row, 1, 1);
      gtk_grid_attach (grid, GTK_WIDGET (f->progress), 3, row, 1, 1);
    }
}

static void
create_note_field (SpWorklogPage  *self,
                   int             column,
                   int             row,
                   SpWorklogField  field)
{
  Field *f = &self->fields[field];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = _sp_worklog_page_create_label (_sp_worklog_page_field_label (field), 0.0f);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  f->page = self;
  f->field = field;
  f->widget = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (f->widget), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field, as everywhere else in the form. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (f->widget), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (f->widget), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (f->widget), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (f->widget), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (f->widget), 8);
  gtk_widget_set_size_request (f->widget, -1, 72);
  gtk_widget_add_css_class (f->widget, "sp-note");
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), f->widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (f->widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  g_signal_connect (focus, "leave", G_CALLBACK (field_leave_cb), f);
  gtk_widget_add_controller (f->widget, focus);

  gtk_frame_set_child (GTK_FRAME (frame), f->widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_grid_attach (self->notes_grid, box, column, row, 1, 1);
}

static void
create_form (SpWorklogPage *self)
{
  GtkWidget *label;

  label = _sp_worklog_page_create_label (_("Activities"), 0.0f);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->activities_grid, label, 0, 0, 2, 1);
  label = _sp_worklog_page_create_label (_("Done / Required"), 1.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (self->activities_grid, label, 2, 0, 2, 1);
  for (guint i = SP_WORKLOG_FIELD_PROSPECTS; i <= SP_WORKLOG_FIELD_CLOSES; i++)
    create_value_field (self, self->activities_grid, i + 1, i);

  label = _sp_worklog_page_create_label (_("Results"), 0.0f);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->outcomes_grid, label, 0, 0, 2, 1);
  for (guint i = SP_WORKLOG_FIELD_ORDERS; i < SP_WORKLOG_FIRST_NOTE; i++)
    create_value_field (self, self->outcomes_grid, i - SP_WORKLOG_FIELD_ORDERS + 1, i);

  create_note_field (self, 0, 0, SP_WORKLOG_FIELD_SUMMARY);
  create_note_field (self, 1, 0, SP_WORKLOG_FIELD_PROBLEMS);
  create_note_field (self, 0, 1, SP_WORKLOG_FIELD_HELP_NEEDED);
  create_note_field (self, 1, 1, SP_WORKLOG_FIELD_TOMORROW_PLAN);
}

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
      load_entry (self);
      _sp_worklog_page_load_required (self);
      _sp_worklog_page_load_previous_plan (self);
      _sp_worklog_page_load_summaries (self);
      gtk_stack_set_visible_child_name (self->rep_stack, "form");
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "team") == 0)
    sp_team_day_grid_set_day (self->team_grid, self->preferences, &self->day, &self->today);
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
  save_dirty_fields (self);
  clear_messages (self);
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
  if (!(reps = sp_rep_list (sp_preferences_get_store (self->preferences), 0, &error)))
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
reload (SpWorklogPage *self)
{
  if (self->preferences == NULL || self->disposing)
    return;

  reload_reps (self);
  load_rep_day (self);
}

static void
go_to_day (SpWorklogPage *self,
           const GDate   *day)
{
  if (!g_date_valid (day) || g_date_compare (day, &self->day) == 0)
    return;

  save_dirty_fields (self);
  clear_messages (self);
  self->day = *day;
  if (self->preferences != NULL)
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
  if (self->preferences == NULL || self->disposing)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "team") == 0)
    {
      save_dirty_fields (self);
      sp_team_day_grid_set_day (self->team_grid, self->preferences, &self->day, &self->today);
      /* Straight into the first rep's first count: the evening meeting is typed, not
       * clicked. */
      sp_team_day_grid_focus_first (self->team_grid);
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "key-figures") == 0)
    {
      save_dirty_fields (self);
      sp_key_figures_panel_set_today (self->key_figures, &self->today);
    }
  else
    load_rep_day (self);
}

static void
store_changed_cb (SpWorklogPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "team") == 0)
    {
      reload_reps (self);
      sp_team_day_grid_reload (self->team_grid);
    }
  else
    reload (self);
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
  g_clear_object (&self->preferences);

  G_OBJECT_CLASS (sp_worklog_page_parent_class)->dispose (object);
}

static void
sp_worklog_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpWorklogPage *self = SP_WORKLOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_PREFERENCES:
      g_value_set_object (value, self->preferences);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_worklog_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpWorklogPage *self = SP_WORKLOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_PREFERENCES:
      sp_worklog_page_set_preferences (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  object_class->get_property = sp_worklog_page_get_property;
  object_class->set_property = sp_worklog_page_set_property;

  properties[PROP_PREFERENCES] =
    g_param_spec_object ("preferences", NULL, NULL, SP_TYPE_PREFERENCES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_TEAM_DAY_GRID);
  g_type_ensure (SP_TYPE_KEY_FIGURES_PANEL);
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

  create_form (self);
  update_date_button (self);
}

SpPreferences *
sp_worklog_page_get_preferences (SpWorklogPage *self)
{
  g_return_val_if_fail (SP_IS_WORKLOG_PAGE (self), NULL);

  return self->preferences;
}

void
sp_worklog_page_set_preferences (SpWorklogPage *self,
                                 SpPreferences *preferences)
{
  g_return_if_fail (SP_IS_WORKLOG_PAGE (self));
  g_return_if_fail (!preferences || SP_IS_PREFERENCES (preferences));

  if (self->preferences == preferences)
    return;

  if (self->preferences != NULL)
    g_signal_handlers_disconnect_by_data (sp_preferences_get_store (self->preferences), self);
  g_set_object (&self->preferences, preferences);
  if (preferences != NULL)
    g_signal_connect_object (sp_preferences_get_store (preferences), "changed",
                             G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  sp_key_figures_panel_set_preferences (self->key_figures, preferences);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERENCES]);
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
