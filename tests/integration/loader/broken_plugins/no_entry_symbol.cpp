// A shared library that forgot SERVICEDESK_PLUGIN: it exports no entry symbol.
extern "C" __attribute__((visibility("default"))) int not_a_plugin_entry() {
  return 42;
}
