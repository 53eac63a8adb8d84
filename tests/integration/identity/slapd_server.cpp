// slapd configuration, tree generation, process control, and the ldap-utils calls.
#include "slapd_server.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "directory/people_generator.hpp"
#include "host_process.hpp"

namespace servicedesk::test {
namespace {

void person(std::ostringstream& out, const std::string& uid, const std::string& first,
            const std::string& last, const std::string& department, const std::string& type = "") {
  out << "dn: uid=" << uid << ",ou=people," << kBaseDn
      << "\nobjectClass: inetOrgPerson\nuid: " << uid << "\ncn: " << first << " " << last
      << "\ngivenName: " << first << "\nsn: " << last << "\nmail: " << uid
      << "@example.edu\ndepartmentNumber: " << department << "\nuserPassword: " << uid << "-pw\n";
  if (!type.empty()) out << "employeeType: " << type << "\n";
  out << "\n";
}

void administrative(std::ostringstream& out, const std::string& uid, const std::string& name,
                    const std::string& department) {
  out << "dn: uid=" << uid << ",ou=accounts," << kBaseDn
      << "\nobjectClass: inetOrgPerson\nemployeeType: administrative\nuid: " << uid
      << "\ncn: " << name << "\nsn: " << name << "\ndisplayName: " << name << "\nmail: " << uid
      << "@example.edu\ndepartmentNumber: " << department << "\nuserPassword: " << uid << "-pw\n\n";
}

void run(const std::string& command);

/// A throw-away CA and a server certificate for 127.0.0.1 signed by it.
void make_certificates(const std::filesystem::path& folder) {
  const std::string f = folder.string();
  run("cd " + f +
      " && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=Test CA' "
      "-keyout ca.key -out ca.pem >/dev/null 2>&1 && "
      "openssl req -newkey rsa:2048 -nodes -subj '/CN=127.0.0.1' -keyout server.key "
      "-out server.csr >/dev/null 2>&1 && printf 'subjectAltName=IP:127.0.0.1\\n' > san.ext && "
      "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 "
      "-extfile san.ext -out server.pem >/dev/null 2>&1 && chmod 644 server.key");
}

std::string config_text(const std::filesystem::path& folder, bool tls) {
  std::ostringstream out;
  out << "include /etc/ldap/schema/core.schema\ninclude /etc/ldap/schema/cosine.schema\n"
         "include /etc/ldap/schema/inetorgperson.schema\n"
         "modulepath /usr/lib/ldap\nmoduleload back_mdb\n"
      << (tls ? "TLSCACertificateFile " + (folder / "ca.pem").string() + "\nTLSCertificateFile " +
                    (folder / "server.pem").string() + "\nTLSCertificateKeyFile " +
                    (folder / "server.key").string() + "\n"
              : std::string())
      << "pidfile " << (folder / "slapd.pid").string() << "\nargsfile "
      << (folder / "slapd.args").string() << "\n"
      << "database mdb\nmaxsize 2147483648\nsuffix \"" << kBaseDn << "\"\nrootdn \"" << kAdminDn
      << "\"\nrootpw " << kAdminPassword << "\ndirectory " << (folder / "db").string() << "\n"
      << "index uid eq\nindex objectClass eq\n"
      << "limits dn.exact=\"" << kServiceDn << "\" size=unlimited\n"
      << "access to attrs=userPassword by anonymous auth by * none\n"
      << "access to * by dn.exact=\"" << kServiceDn << "\" read by * none\n";
  return out.str();
}

void run(const std::string& command) {
  if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
}

}  // namespace

std::string campus_ldif(std::size_t people) {
  std::ostringstream out;
  out << "dn: " << kBaseDn << "\nobjectClass: dcObject\nobjectClass: organization\no: Example\n"
      << "dc: example\n\n";
  for (const char* unit : {"people", "accounts", "groups", "services"})
    out << "dn: ou=" << unit << "," << kBaseDn << "\nobjectClass: organizationalUnit\nou: " << unit
        << "\n\n";
  out << "dn: " << kServiceDn << "\nobjectClass: person\ncn: servicedesk\nsn: servicedesk\n"
      << "userPassword: " << kServicePassword << "\n\n";
  person(out, "tuffytitan", "Tuffy", "Titan", "Athletics");
  person(out, "tessatitan", "Tessa", "Titan", "Kinesiology");
  person(out, "dcoordinator", "Dana", "Coordinator", "Athletics");
  person(out, "newhire", "Nova", "Hire", "Athletics");
  person(out, "helpdesk", "Help", "Desk", "Information Technology");
  person(out, "ppatel", "Priya", "Patel", "Nursing");
  administrative(out, "athletics-admin", "Athletics Administrative Account", "Athletics");
  administrative(out, "biology-admin", "Biology Administrative Account", "Biology");
  for (const auto& record : host::generate_people(people)) {
    const auto& name = record.entry.display_name;  // "Last, First"
    const auto comma = name.find(", ");
    person(out, record.entry.username, name.substr(comma + 2), name.substr(0, comma),
           record.entry.department);
  }
  const std::string people_dn = std::string(",ou=people,") + kBaseDn;
  out << "dn: cn=ditc,ou=groups," << kBaseDn << "\nobjectClass: groupOfNames\ncn: ditc\n"
      << "member: uid=dcoordinator" << people_dn << "\nmember: UID=PPatel, ou=People," << kBaseDn
      << "\n\n";
  out << "dn: cn=it-staff,ou=groups," << kBaseDn << "\nobjectClass: groupOfUniqueNames\n"
      << "cn: it-staff\nuniqueMember: uid=helpdesk" << people_dn << "\n\n";
  return out.str();
}

SlapdServer::SlapdServer(const std::filesystem::path& folder, const std::string& ldif, bool tls)
    : folder_(folder), port_(free_port()), tls_port_(tls ? free_port() : 0) {
  std::filesystem::create_directories(folder_ / "db");
  if (tls) make_certificates(folder_);
  std::ofstream(folder_ / "slapd.conf") << config_text(folder_, tls);
  std::ofstream(folder_ / "tree.ldif") << ldif;
  run("slapadd -q -f " + (folder_ / "slapd.conf").string() + " -l " +
      (folder_ / "tree.ldif").string() + " >" + (folder_ / "slapadd.log").string() + " 2>&1");
  start();
}

SlapdServer::~SlapdServer() {
  stop();
}

void SlapdServer::start() {
  const std::string config = (folder_ / "slapd.conf").string();
  const std::string listen = url() + "/" + (tls_port_ ? " " + ldaps_url() + "/" : "");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    // -d 0: stay in the foreground (so the test owns the process), log nothing.
    execlp("slapd", "slapd", "-d", "0", "-f", config.c_str(), "-h", listen.c_str(), nullptr);
    _exit(127);
  }
  const std::string probe = "ldapsearch -x -H " + url() + " -D '" + kServiceDn + "' -w " +
                            kServicePassword + " -b '" + kBaseDn + "' -s base dn >/dev/null 2>&1";
  if (!eventually([&] { return std::system(probe.c_str()) == 0; }, 20.0))
    throw std::runtime_error("slapd did not answer on " + url());
}

void SlapdServer::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

void SlapdServer::add(const std::string& ldif) {
  const auto file = folder_ / "add.ldif";
  std::ofstream(file) << ldif;
  run("ldapadd -x -H " + url() + " -D '" + kAdminDn + "' -w " + kAdminPassword + " -f " +
      file.string() + " >/dev/null");
}

void SlapdServer::remove(const std::string& dn) {
  run("ldapdelete -x -H " + url() + " -D '" + kAdminDn + "' -w " + kAdminPassword + " '" + dn +
      "' >/dev/null");
}

}  // namespace servicedesk::test
