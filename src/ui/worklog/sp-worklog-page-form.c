/* sp-worklog-page-form.c — the Work Log's form: one field per work-log value, each saved through
 * the model when it is left, with the model's refusal shown beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worklog-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-display.h"
#include "sp-worklog-page-private.h"

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
    return sp_money_format (value,
                            sp_preferences_get_currency (sp_page_get_preferences (SP_PAGE (self))),
                            SP_MONEY_FORMAT_NO_SYMBOL);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Shows the stored entry; a field being typed in, or holding a refused value, keeps its
 * text. */
void
_sp_worklog_page_load_entry (SpWorklogPage *self)
{
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean exists = FALSE;

  if (self->rep_id == 0)
    return;

  if (!sp_worklog_get (sp_page_get_store (SP_PAGE (self)), self->rep_id, &self->day,
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

  if (self->loading || self->disposing || sp_page_get_workspace (SP_PAGE (self)) == NULL
      || self->rep_id == 0)
    return;
  if (!field_is_dirty (f) && f->message == NULL)
    return;

  text = field_get_text (f);
  if (!sp_worklog_set_field (sp_page_get_store (SP_PAGE (self)), self->rep_id,
                             &self->day, f->field, text, &error))
    {
      field_set_message (f, error->message);
      return;
    }

  field_set_message (f, NULL);
  /* Writing the value already stored changes nothing and emits nothing: show it as the
   * store has it ("12.0" → "12"). */
  g_clear_pointer (&f->loaded, g_free);
  _sp_worklog_page_load_entry (self);
}

void
_sp_worklog_page_save_dirty_fields (SpWorklogPage *self)
{
  for (guint i = 0; i < SP_WORKLOG_N_FIELDS; i++)
    {
      if (field_is_dirty (&self->fields[i]))
        save_field (&self->fields[i]);
    }
}

void
_sp_worklog_page_clear_messages (SpWorklogPage *self)
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

void
_sp_worklog_page_create_form (SpWorklogPage *self)
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
