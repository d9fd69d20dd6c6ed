import DocBaoCore
import Foundation
let a = try! ArticleFile.load(path: CommandLine.arguments[1])
print(a.json.rendered())
