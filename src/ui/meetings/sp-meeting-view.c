/* sp-meeting-view.c — one meeting: its type's wording, the agenda's sections with their
 * figures and minutes, attendees, the held toggle; one slide per section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meeting-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-display.h"
#include "sp-meeting-view-private.h"
#include "sp-window.h"

G_DEFINE_FINAL_TYPE (SpMeetingView, sp_meeting_view, GTK_TYPE_WIDGET)

static SpStore *
get_store (SpMeetingView *self)
{
  return self->workspace ? sp_workspace_get_store (self->workspace) : NULL;
}

void
_sp_meeting_view_toast (SpMeetingView *self,
                        const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SP_IS_WINDOW (root))
    sp_window_add_toast (SP_WINDOW (root), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A slide: a heading over @content, scrolled, at a readable width. */
static GtkBox *
add_slide (SpMeetingView *self,
           const char    *name,
           const char    *title)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  /* A table wider than the window scrolls sideways rather than folding the window. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 900);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (box), label_new (title, "title-1"));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_titled (self->slides, scroller, name, title);
  gtk_string_list_append (self->section_names, title);
  return GTK_BOX (box);
}

static void
note_leave_cb (GtkEventControllerFocus *controller,
               SpMeetingView           *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkTextBuffer *buffer;
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (value != view)
        continue;
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (get_store (self) == NULL || self->meeting_id == 0)
        return;
      if (!sp_meeting_set_note (get_store (self), self->meeting_id, key, g_strstrip (text),
                                &error))
        _sp_meeting_view_toast (self, error->message);
      return;
    }
}

static GtkWidget *
note_new (SpMeetingView *self,
          const char    *key)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "sp-meeting-minutes");
  g_signal_connect_object (focus, "leave", G_CALLBACK (note_leave_cb), self, 0);
  gtk_widget_add_controller (view, focus);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  g_hash_table_replace (self->notes, g_strdup (key), view);
  return frame;
}

static void
attendee_toggled_cb (SpMeetingView *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (self->loading || get_store (self) == NULL)
    return;
  for (guint i = 0; i < self->attendee_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->attendee_checks, i)))
      {
        g_autoptr(SpRep) rep = g_list_model_get_item (self->reps, i);
        gint64 id = sp_rep_get_id (rep);

        g_array_append_val (ids, id);
      }
  if (!sp_meeting_set_attendees (get_store (self), self->meeting_id, (gint64 *) ids->data,
                                 ids->len, &error))
    _sp_meeting_view_toast (self, error->message);
}

static void
build_overview (SpMeetingView *self)
{
  SpMeetingKind kind = sp_meeting_get_kind (self->meeting);
  GtkBox *box = add_slide (self, "overview", _("About this meeting"));
  GtkWidget *flow;

  for (guint t = 0; t < SP_MEETING_N_TEXTS; t++)
    {
      g_autofree char *text = sp_meeting_dup_text (get_store (self), kind, t);

      gtk_box_append (box, label_new (sp_meeting_text_get_label (t), "heading"));
      gtk_box_append (box, label_new (text, NULL));
    }

  gtk_box_append (box, label_new (_("Attendees"), "heading"));
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  g_ptr_array_set_size (self->attendee_checks, 0);
  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (self->reps, i);
      GtkWidget *check = gtk_check_button_new_with_label (sp_rep_get_name (rep));

      g_signal_connect_object (check, "toggled", G_CALLBACK (attendee_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->attendee_checks, check);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
    }
  gtk_box_append (box, flow);
}

static void
clear_section_names (SpMeetingView *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  gtk_string_list_splice (self->section_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->section_names)), NULL);
  self->loading = loading;
}

static void
build_slides (SpMeetingView *self)
{
  GtkWidget *child;
  const SpMeetingSection *sections;
  guint n_sections;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slides))) != NULL)
    gtk_stack_remove (self->slides, child);
  g_hash_table_remove_all (self->data_boxes);
  g_hash_table_remove_all (self->notes);
  g_hash_table_remove_all (self->tables);
  g_ptr_array_set_size (self->attendee_checks, 0);
  self->carried_list = self->own_list = NULL;
  self->action_text = NULL;
  clear_section_names (self);
  if (self->meeting == NULL)
    return;

  build_overview (self);
  sections = sp_meeting_kind_get_sections (sp_meeting_get_kind (self->meeting), &n_sections);
  for (guint i = 0; i < n_sections; i++)
    {
      GtkBox *box = add_slide (self, sections[i].key, sections[i].label);
      GtkWidget *data = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      gtk_box_append (box, data);
      g_hash_table_replace (self->data_boxes, g_strdup (sections[i].key), data);
      gtk_box_append (box, label_new (_("Minutes"), "heading"));
      gtk_box_append (box, note_new (self, sections[i].key));
    }
  {
    GtkBox *box = add_slide (self, "action-items", _("Action items"));

    gtk_box_append (box, _sp_meeting_view_build_actions (self));
  }
}

static void
update_counter (SpMeetingView *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->slides);
  guint n = 0, index = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->slides)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (c == visible)
        index = n;
      n++;
    }
  if (n > 0)
    {
      g_autofree char *text = g_strdup_printf (_("%u of %u"), index + 1, n);
      gboolean loading = self->loading;

      gtk_label_set_label (self->counter, text);
      self->loading = TRUE;
      gtk_drop_down_set_selected (self->sections, index);
      self->loading = loading;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->counter), self->presenting && n > 0);
}

static void
slide_changed_cb (SpMeetingView *self)
{
  update_counter (self);
}

static void
section_selected_cb (SpMeetingView *self)
{
  guint selected = gtk_drop_down_get_selected (self->sections);
  guint i = 0;

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->slides)); c != NULL;
       c = gtk_widget_get_next_sibling (c), i++)
    if (i == selected)
      gtk_stack_set_visible_child (self->slides, c);
}

static void
step_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sp_meeting_view_step_slide (SP_MEETING_VIEW (widget),
                              g_str_equal (action_name, "meeting.next-slide") ? 1 : -1);
}

static void
held_changed_cb (SpMeetingView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || get_store (self) == NULL || self->meeting_id == 0)
    return;
  if (!sp_meeting_set_held (get_store (self), self->meeting_id,
                            gtk_switch_get_active (self->held), &error))
    _sp_meeting_view_toast (self, error->message);
}

static void
load_header (SpMeetingView *self)
{
  GDate day;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = sp_meeting_kind_get_name (sp_meeting_get_kind (self->meeting),
                                               sp_meeting_get_review_period (self->meeting));

  sp_meeting_get_date (self->meeting, &day);
  date = sp_display_date (&day);
  /* Translators: a meeting's day, time and type: "15 Sep 2026, 08:30 · Morning meeting". */
  subtitle = g_strdup_printf (_("%s, %s · %s"), date, sp_meeting_get_time (self->meeting), name);
  gtk_label_set_label (self->title, sp_meeting_get_title (self->meeting));
  gtk_label_set_label (self->subtitle, subtitle);
  gtk_switch_set_active (self->held, sp_meeting_get_held (self->meeting));
}

static void
load_notes (SpMeetingView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (value));
      g_autofree char *note = sp_meeting_dup_note (get_store (self), self->meeting_id, key,
                                                   NULL);
      g_autofree char *shown = NULL;
      GtkTextIter start, end;

      /* What is being typed stays; it is saved when the focus leaves. */
      if (gtk_widget_has_focus (value))
        continue;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (shown, note ? note : "") != 0)
        gtk_text_buffer_set_text (buffer, note ? note : "", -1);
    }
}

static void
load_attendees (SpMeetingView *self)
{
  g_autoptr(GArray) attendees = sp_meeting_list_attendees (get_store (self), self->meeting_id,
                                                           NULL);

  for (guint i = 0; i < self->attendee_checks->len; i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (self->reps, i);
      gboolean present = FALSE;

      for (guint j = 0; attendees != NULL && j < attendees->len; j++)
        present |= g_array_index (attendees, gint64, j) == sp_rep_get_id (rep);
      gtk_check_button_set_active (g_ptr_array_index (self->attendee_checks, i), present);
    }
}

static void
load_reps (SpMeetingView *self)
{
  g_autoptr(GListModel) all = sp_rep_list (get_store (self), 0, NULL);
  GListStore *active = g_list_store_new (SP_TYPE_REP);

  for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (all, i);

      if (sp_rep_get_active (rep))
        g_list_store_append (active, rep);
    }
  g_clear_object (&self->reps);
  self->reps = G_LIST_MODEL (active);
}

void
sp_meeting_view_reload (SpMeetingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpMeeting) meeting = NULL;
  g_autofree char *slide = NULL;
  gboolean rebuild;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (SP_IS_MEETING_VIEW (self));

  if (get_store (self) != NULL && self->meeting_id != 0)
    {
      meeting = sp_meeting_get (get_store (self), self->meeting_id, &error);
      if (meeting == NULL)
        g_debug ("Meeting %" G_GINT64_FORMAT ": %s", self->meeting_id, error->message);
    }
  g_clear_error (&error);

  /* The slides are built again only for another meeting (or another kind after an undo). */
  rebuild = meeting == NULL || self->meeting == NULL
            || sp_meeting_get_id (meeting) != sp_meeting_get_id (self->meeting)
            || sp_meeting_get_kind (meeting) != sp_meeting_get_kind (self->meeting);
  slide = g_strdup (gtk_stack_get_visible_child_name (self->slides));
  g_set_object (&self->meeting, meeting);
  g_clear_pointer (&self->agenda, sp_meeting_agenda_free);
  if (self->meeting == NULL)
    {
      build_slides (self);
      return;
    }

  self->loading = TRUE;
  self->agenda = sp_meeting_agenda_for_meeting (get_store (self), self->meeting_id, &error);
  if (self->agenda == NULL)
    g_debug ("Agenda: %s", error->message);
  if (rebuild)
    {
      load_reps (self);
      build_slides (self);
    }
  else if (slide != NULL)
    gtk_stack_set_visible_child_name (self->slides, slide);

  load_header (self);
  g_hash_table_remove_all (self->tables);
  g_hash_table_iter_init (&iter, self->data_boxes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (value)) != NULL)
        gtk_box_remove (GTK_BOX (value), child);
      gtk_widget_set_visible (value, _sp_meeting_view_fill_section (self, key, value));
    }
  load_notes (self);
  load_attendees (self);
  _sp_meeting_view_load_actions (self);
  update_counter (self);
  self->loading = FALSE;
}

void
sp_meeting_view_set_meeting (SpMeetingView *self,
                             gint64         meeting_id)
{
  g_return_if_fail (SP_IS_MEETING_VIEW (self));

  self->meeting_id = meeting_id;
  sp_meeting_view_reload (self);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->slides)) != NULL)
    gtk_stack_set_visible_child (self->slides,
                                 gtk_widget_get_first_child (GTK_WIDGET (self->slides)));
}

gint64
sp_meeting_view_get_meeting (SpMeetingView *self)
{
  g_return_val_if_fail (SP_IS_MEETING_VIEW (self), 0);
  return self->meeting != NULL ? self->meeting_id : 0;
}

void
sp_meeting_view_set_workspace (SpMeetingView *self,
                               SpWorkspace   *workspace)
{
  g_return_if_fail (SP_IS_MEETING_VIEW (self));
  g_set_object (&self->workspace, workspace);
}

void
sp_meeting_view_set_presenting (SpMeetingView *self,
                                gboolean       presenting)
{
  g_return_if_fail (SP_IS_MEETING_VIEW (self));

  self->presenting = presenting;
  gtk_widget_set_visible (self->navigator, !presenting);
  if (presenting)
    gtk_widget_add_css_class (GTK_WIDGET (self), "sp-presenting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "sp-presenting");
  update_counter (self);
}

gboolean
sp_meeting_view_get_presenting (SpMeetingView *self)
{
  g_return_val_if_fail (SP_IS_MEETING_VIEW (self), FALSE);
  return self->presenting;
}

gboolean
sp_meeting_view_step_slide (SpMeetingView *self,
                            int            step)
{
  GtkWidget *visible, *next;

  g_return_val_if_fail (SP_IS_MEETING_VIEW (self), FALSE);

  visible = gtk_stack_get_visible_child (self->slides);
  if (visible == NULL)
    return FALSE;
  next = step > 0 ? gtk_widget_get_next_sibling (visible)
                  : gtk_widget_get_prev_sibling (visible);
  if (next == NULL)
    return FALSE;
  gtk_stack_set_visible_child (self->slides, next);
  return TRUE;
}

const char *
sp_meeting_view_get_slide (SpMeetingView *self)
{
  g_return_val_if_fail (SP_IS_MEETING_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->slides);
}

void
sp_meeting_view_set_slide (SpMeetingView *self,
                           const char    *name)
{
  g_return_if_fail (SP_IS_MEETING_VIEW (self));
  gtk_stack_set_visible_child_name (self->slides, name);
}

GtkTextView *
_sp_meeting_view_get_note (SpMeetingView *self,
                           const char    *key)
{
  return g_hash_table_lookup (self->notes, key);
}

GtkWidget *
sp_meeting_view_new (void)
{
  return g_object_new (SP_TYPE_MEETING_VIEW, NULL);
}

static void
sp_meeting_view_dispose (GObject *object)
{
  SpMeetingView *self = SP_MEETING_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_MEETING_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->agenda, sp_meeting_agenda_free);
  g_clear_object (&self->reps);
  g_clear_object (&self->carried);
  g_clear_object (&self->own);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sp_meeting_view_parent_class)->dispose (object);
}

static void
sp_meeting_view_finalize (GObject *object)
{
  SpMeetingView *self = SP_MEETING_VIEW (object);

  g_hash_table_unref (self->data_boxes);
  g_hash_table_unref (self->notes);
  g_hash_table_unref (self->tables);
  g_ptr_array_unref (self->attendee_checks);
  g_object_unref (self->section_names);

  G_OBJECT_CLASS (sp_meeting_view_parent_class)->finalize (object);
}

static void
sp_meeting_view_class_init (SpMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_meeting_view_dispose;
  object_class->finalize = sp_meeting_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/sp-meeting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMeetingView, title);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingView, subtitle);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingView, held);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingView, counter);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingView, navigator);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingView, sections);
  gtk_widget_class_bind_template_child (widget_class, SpMeetingView, slides);
  gtk_widget_class_bind_template_callback (widget_class, section_selected_cb);
  gtk_widget_class_install_action (widget_class, "meeting.previous-slide", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "meeting.next-slide", NULL, step_activated);
  gtk_widget_class_bind_template_callback (widget_class, held_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, slide_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-meeting-view");
}

static void
sp_meeting_view_init (SpMeetingView *self)
{
  self->data_boxes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->attendee_checks = g_ptr_array_new ();
  self->section_names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->sections, G_LIST_MODEL (self->section_names));
}
