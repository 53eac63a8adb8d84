// Deterministic synthetic people: common names, spread over departments.
#include "directory/people_generator.hpp"

#include <array>
#include <cstdio>
#include <random>

namespace servicedesk::host {

namespace {

constexpr std::array kFirstNames = {
    "James",    "Mary",      "Robert",  "Patricia", "John",     "Jennifer", "Michael", "Linda",
    "David",    "Elizabeth", "William", "Barbara",  "Richard",  "Susan",    "Joseph",  "Jessica",
    "Thomas",   "Sarah",     "Charles", "Karen",    "Daniel",   "Lisa",     "Matthew", "Nancy",
    "Anthony",  "Betty",     "Mark",    "Sandra",   "Donald",   "Margaret", "Steven",  "Ashley",
    "Paul",     "Kimberly",  "Andrew",  "Emily",    "Joshua",   "Donna",    "Kevin",   "Michelle",
    "Brian",    "Carol",     "George",  "Amanda",   "Timothy",  "Melissa",  "Ronald",  "Deborah",
    "Jason",    "Stephanie", "Ryan",    "Rebecca",  "Jacob",    "Laura",    "Gary",    "Sharon",
    "Nicholas", "Cynthia",   "Eric",    "Kathleen", "Jonathan", "Amy",      "Luis",    "Maria",
    "Jose",     "Sofia",     "Carlos",  "Camila",   "Miguel",   "Valeria",  "Wei",     "Mei",
    "Hiroshi",  "Yuki",      "Minh",    "Linh",     "Arjun",    "Priya",    "Omar",    "Aisha",
};

constexpr std::array kLastNames = {
    "Smith",     "Johnson",  "Williams",  "Brown",   "Jones",    "Garcia",   "Miller",   "Davis",
    "Rodriguez", "Martinez", "Hernandez", "Lopez",   "Gonzalez", "Wilson",   "Anderson", "Thomas",
    "Taylor",    "Moore",    "Jackson",   "Martin",  "Lee",      "Perez",    "Thompson", "White",
    "Harris",    "Sanchez",  "Clark",     "Ramirez", "Lewis",    "Robinson", "Walker",   "Young",
    "Allen",     "King",     "Wright",    "Scott",   "Torres",   "Nguyen",   "Hill",     "Flores",
    "Green",     "Adams",    "Nelson",    "Baker",   "Hall",     "Rivera",   "Campbell", "Mitchell",
    "Carter",    "Roberts",  "Tran",      "Pham",    "Kim",      "Park",     "Chen",     "Wang",
    "Patel",     "Shah",     "Tanaka",    "Sato",    "Cohen",    "Murphy",   "Rossi",    "Novak",
    "Okafor",    "Mensah",   "Haddad",    "Khan",    "Silva",    "Costa",
};

constexpr std::array kDepartments = {
    "Athletics",
    "Information Technology",
    "Biology",
    "Chemistry",
    "Computer Science",
    "English",
    "History",
    "Mathematics",
    "Music",
    "Nursing",
    "Physics",
    "Psychology",
    "Library",
    "Admissions",
    "Financial Aid",
    "Human Resources",
};

std::string lower(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// mt19937's output is fixed by the standard; distributions are not, so pick by modulo.
template <class Array>
const char* pick(std::mt19937& random, const Array& names) {
  return names[random() % names.size()];
}

}  // namespace

std::vector<DirectoryRecord> generate_people(std::size_t count, std::uint32_t seed,
                                             const std::string& email_domain) {
  std::mt19937 random(seed);
  std::vector<DirectoryRecord> people;
  people.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string first = pick(random, kFirstNames);
    const std::string last = pick(random, kLastNames);
    char number[16];
    std::snprintf(number, sizeof number, "%06zu", i % 1000000);
    DirectoryRecord record;
    record.entry.username = lower(first.substr(0, 1) + last) + number +
                            (i >= 1000000 ? "x" + std::to_string(i / 1000000) : "");
    record.entry.display_name = last + ", " + first;
    record.entry.kind = AccountKind::person;
    record.entry.department = pick(random, kDepartments);
    record.entry.email = record.entry.username + "@" + email_domain;
    people.push_back(std::move(record));
  }
  return people;
}

void add_generated_people(std::vector<DirectoryRecord>& records, std::size_t count,
                          std::uint32_t seed) {
  auto people = generate_people(count, seed);
  records.insert(records.end(), std::make_move_iterator(people.begin()),
                 std::make_move_iterator(people.end()));
}

}  // namespace servicedesk::host
