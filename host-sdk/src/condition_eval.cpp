// Evaluates a compiled condition against one set of answers, without allocating.
#include "condition.hpp"

namespace servicedesk::forms {
namespace {

// Comparing with an empty value is false both ways: a condition never holds because a
// field has not been answered yet; `empty(x)` asks about emptiness.
bool same(const Value& a, const Value& b) {
  if (a.kind == Value::Kind::boolean || b.kind == Value::Kind::boolean) {
    return a.truthy() == b.truthy() && a.kind != Value::Kind::empty && b.kind != Value::Kind::empty;
  }
  return a.text == b.text;
}

}  // namespace

Value Condition::literal_of(const Node& node) const {
  if (node.literal_kind == Value::Kind::boolean) return Value::of_bool(node.literal_flag);
  if (node.literal_kind == Value::Kind::empty) return {};
  return Value::of_text(std::string_view(text_).substr(node.text_offset, node.text_length));
}

Value Condition::eval_node(std::size_t index, const ValueSource& source) const {
  const Node& node = nodes_[index];
  switch (node.op) {
    case Node::Op::literal:
      return literal_of(node);
    case Node::Op::ref:
      return source.lookup(node.ref);
    case Node::Op::eq:
    case Node::Op::ne: {
      const Value a = eval_node(node.lhs, source);
      const Value b = eval_node(node.rhs, source);
      if (a.is_empty() != b.is_empty()) return Value::of_bool(false);
      if (a.is_empty()) return Value::of_bool(node.op == Node::Op::eq);
      return Value::of_bool(same(a, b) == (node.op == Node::Op::eq));
    }
    case Node::Op::in:
    case Node::Op::not_in: {
      const Value a = eval_node(node.lhs, source);
      if (a.is_empty()) return Value::of_bool(false);
      bool found = false;
      for (std::size_t i = node.rhs; i < std::size_t{node.rhs} + node.count && !found; ++i) {
        const Value b = literal_of(list_literals_[i]);
        found = !b.is_empty() && same(a, b);
      }
      return Value::of_bool(found == (node.op == Node::Op::in));
    }
    case Node::Op::and_:
      return Value::of_bool(eval_node(node.lhs, source).truthy() &&
                            eval_node(node.rhs, source).truthy());
    case Node::Op::or_:
      return Value::of_bool(eval_node(node.lhs, source).truthy() ||
                            eval_node(node.rhs, source).truthy());
    case Node::Op::not_:
      return Value::of_bool(!eval_node(node.lhs, source).truthy());
    case Node::Op::empty:
      return Value::of_bool(eval_node(node.lhs, source).is_empty());
  }
  return {};
}

bool Condition::eval(const ValueSource& source, bool fallback) const {
  if (nodes_.empty()) return fallback;
  return eval_node(nodes_.size() - 1, source).truthy();
}

}  // namespace servicedesk::forms
