/* sp-json.c — the one JSON writer over json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-json"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sp-json.h"

#define FLUSH_BYTES (64 * 1024)

typedef struct
{
  SpJsonLayout layout;
  guint        n_items;
  gboolean     is_object;
} Level;

struct _SpJsonWriter
{
  GOutputStream *stream;
  GString       *buffer;
  GArray        *levels;    /* of Level, the open containers */
  gboolean       after_key; /* a key was written: the value follows on the same line */
};

SpJsonWriter *
sp_json_writer_new (GOutputStream *stream)
{
  SpJsonWriter *self;

  g_return_val_if_fail (stream == NULL || G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (SpJsonWriter, 1);
  self->stream = stream != NULL ? g_object_ref (stream) : NULL;
  self->buffer = g_string_new (NULL);
  self->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  return self;
}

void
sp_json_writer_free (SpJsonWriter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);
  g_array_unref (self->levels);
  g_free (self);
}

char *
sp_json_quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *quoted = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  json_node_set_string (node, text);
  quoted = json_to_string (node, FALSE);

  /* json-glib before 1.8 leaves U+001F raw (its test is "< 0x1f"), which is not JSON; inside
   * the literal any raw control character can only be that, so escape what is left. */
  out = g_string_sized_new (strlen (quoted));
  for (const char *p = quoted; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static Level *
current_level (SpJsonWriter *self)
{
  return self->levels->len > 0
         ? &g_array_index (self->levels, Level, self->levels->len - 1) : NULL;
}

static void
newline (SpJsonWriter *self,
         guint         depth)
{
  g_string_append_c (self->buffer, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (self->buffer, "  ");
}

/* The separator before a member (object) or an element (array). */
static void
separate (SpJsonWriter *self)
{
  Level *level = current_level (self);

  if (level == NULL)
    return;

  if (level->n_items > 0)
    g_string_append_c (self->buffer, ',');
  if (level->layout == SP_JSON_BLOCK)
    newline (self, self->levels->len);
  else if (level->n_items > 0)
    g_string_append_c (self->buffer, ' ');
  level->n_items++;
}

/* Before any value: the separator, unless the value completes a member. */
static void
before_value (SpJsonWriter *self)
{
  Level *level = current_level (self);

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  g_return_if_fail (level == NULL || !level->is_object);
  separate (self);
}

static void
begin (SpJsonWriter *self,
       SpJsonLayout  layout,
       gboolean      is_object)
{
  Level *parent = current_level (self);
  Level level = { layout, 0, is_object };

  before_value (self);
  /* Inside a line everything stays on the line. */
  if (parent != NULL && parent->layout == SP_JSON_INLINE)
    level.layout = SP_JSON_INLINE;
  g_string_append_c (self->buffer, is_object ? '{' : '[');
  g_array_append_val (self->levels, level);
}

static void
end (SpJsonWriter *self,
     gboolean      is_object)
{
  Level *level = current_level (self);

  g_return_if_fail (level != NULL && level->is_object == is_object && !self->after_key);

  if (level->layout == SP_JSON_BLOCK && level->n_items > 0)
    newline (self, self->levels->len - 1);
  g_string_append_c (self->buffer, is_object ? '}' : ']');
  g_array_set_size (self->levels, self->levels->len - 1);
}

void
sp_json_writer_begin_object (SpJsonWriter *self,
                             SpJsonLayout  layout)
{
  g_return_if_fail (self != NULL);
  begin (self, layout, TRUE);
}

void
sp_json_writer_end_object (SpJsonWriter *self)
{
  g_return_if_fail (self != NULL);
  end (self, TRUE);
}

void
sp_json_writer_begin_array (SpJsonWriter *self,
                            SpJsonLayout  layout)
{
  g_return_if_fail (self != NULL);
  begin (self, layout, FALSE);
}

void
sp_json_writer_end_array (SpJsonWriter *self)
{
  g_return_if_fail (self != NULL);
  end (self, FALSE);
}

void
sp_json_writer_key (SpJsonWriter *self,
                    const char   *name)
{
  Level *level;
  g_autofree char *quoted = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  level = current_level (self);
  g_return_if_fail (level != NULL && level->is_object && !self->after_key);

  separate (self);
  quoted = sp_json_quote (name);
  g_string_append (self->buffer, quoted);
  g_string_append (self->buffer, ": ");
  self->after_key = TRUE;
}

void
sp_json_writer_string (SpJsonWriter *self,
                       const char   *text)
{
  g_autofree char *quoted = NULL;

  g_return_if_fail (self != NULL);

  if (text == NULL)
    {
      sp_json_writer_null (self);
      return;
    }
  before_value (self);
  quoted = sp_json_quote (text);
  g_string_append (self->buffer, quoted);
}

void
sp_json_writer_int (SpJsonWriter *self,
                    gint64        value)
{
  g_return_if_fail (self != NULL);
  before_value (self);
  g_string_append_printf (self->buffer, "%" G_GINT64_FORMAT, value);
}

void
sp_json_writer_boolean (SpJsonWriter *self,
                        gboolean      value)
{
  g_return_if_fail (self != NULL);
  before_value (self);
  g_string_append (self->buffer, value ? "true" : "false");
}

void
sp_json_writer_null (SpJsonWriter *self)
{
  g_return_if_fail (self != NULL);
  before_value (self);
  g_string_append (self->buffer, "null");
}

static gboolean
write_buffer (SpJsonWriter  *self,
              GCancellable  *cancellable,
              GError       **error)
{
  if (self->stream == NULL)
    return TRUE;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len, NULL,
                                  cancellable, error))
    return FALSE;
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

gboolean
sp_json_writer_flush (SpJsonWriter  *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->buffer->len < FLUSH_BYTES)
    return TRUE;
  return write_buffer (self, cancellable, error);
}

gboolean
sp_json_writer_finish (SpJsonWriter  *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->levels->len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_string_append_c (self->buffer, '\n');
  return write_buffer (self, cancellable, error);
}

char *
sp_json_writer_finish_text (SpJsonWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->stream == NULL, NULL);
  g_return_val_if_fail (self->levels->len == 0, NULL);

  g_string_append_c (self->buffer, '\n');
  return g_strdup (self->buffer->str);
}
